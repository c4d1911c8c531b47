/**
 * Credentials and where they come from: fixed, the environment, or a provider that rotates them (STS).
 */
package org.ossmultipart.camel.oss.auth;
