/**
 * Spring Boot auto-configuration of the {@code oss-multipart} component from {@code
 * camel.component.oss-multipart.*} properties.
 */
package org.ossmultipart.camel.springboot;
