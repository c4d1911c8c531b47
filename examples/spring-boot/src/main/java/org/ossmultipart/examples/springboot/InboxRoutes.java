package org.ossmultipart.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The two routes; every OSS setting comes from application.properties. */
@Component
public class InboxRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("file:{{example.inbox}}?delete=true&readLock=changed&readLockCheckInterval=200")
                .routeId("inbox-to-oss")
                .to("oss-multipart:{{example.bucket}}")
                // printed, not only logged: under `mvn -q` only ERROR log lines show
                .setBody(simple("Uploaded ${header.CamelOssKey}: ${header.CamelOssObjectSize} bytes, "
                        + "${header.CamelOssPartCount} parts, CRC-64 ${header.CamelOssCrc64}"))
                .process(e -> System.out.println(e.getMessage().getBody(String.class)))
                .log("${body}");

        from("oss-multipart:{{example.bucket}}?delay={{example.janitor-delay}}&includeParts=true")
                .routeId("janitor")
                .setBody(simple("Aborting stale upload ${header.CamelOssUploadId} of ${header.CamelOssKey} "
                        + "(${header.CamelOssStoredBytes} bytes stored)"))
                .process(e -> System.out.println(e.getMessage().getBody(String.class)))
                .log("${body}");
    }
}
