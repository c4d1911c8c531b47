/**
 * Byte sizes and durations written for people, as the logs show them.
 */
package org.ossmultipart.camel.units;
