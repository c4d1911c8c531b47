package org.ossmultipart.camel;

import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/** The {@code oss-multipart} component: options set here are the defaults of every endpoint. */
@Component("oss-multipart")
public class OssMultipartComponent extends HealthCheckComponent {

    @Metadata
    private OssMultipartConfiguration configuration = new OssMultipartConfiguration();

    /** Joins a context: from now on the context masks our secret options wherever it shows configuration. */
    @Override
    public void setCamelContext(CamelContext context) {
        super.setCamelContext(context);
        if (context != null) {
            SensitiveOptions.register(context);
        }
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        OssMultipartEndpoint endpoint = new OssMultipartEndpoint(uri, this, remaining, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public OssMultipartConfiguration getConfiguration() {
        return configuration;
    }

    /** The component-level configuration, copied into each endpoint. */
    public void setConfiguration(OssMultipartConfiguration configuration) {
        this.configuration = configuration;
    }
}
