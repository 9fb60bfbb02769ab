/**
 * Webapp authentication: bcrypt login, JWT tokens, login throttling, and the security
 * rules of every route.
 */
@NullMarked
package com.homemadealexa.auth;

import org.jspecify.annotations.NullMarked;
