/**
 * Web plumbing shared by all routes: RFC 9457 problem responses and the static webapp.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "config" })
package com.homemadealexa.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
