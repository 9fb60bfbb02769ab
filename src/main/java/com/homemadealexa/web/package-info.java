/**
 * Web plumbing shared by all routes: RFC 9457 problem responses and the static webapp.
 */
@NullMarked
package com.homemadealexa.web;

import org.jspecify.annotations.NullMarked;
