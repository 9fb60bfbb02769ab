/**
 * Localized phrases the assistant speaks, from message bundles.
 */
@NullMarked
package com.homemadealexa.i18n;

import org.jspecify.annotations.NullMarked;
