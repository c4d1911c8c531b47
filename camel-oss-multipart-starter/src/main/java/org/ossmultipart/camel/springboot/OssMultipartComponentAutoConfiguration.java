package org.ossmultipart.camel.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.ossmultipart.camel.OssMultipartComponent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Applies {@code camel.component.oss-multipart.*} to the component through a
 * {@link ComponentCustomizer}, the camel-spring-boot way.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, OssMultipartComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.oss-multipart"})
@ConditionalOnProperty(prefix = "camel.component.oss-multipart", name = "enabled", matchIfMissing = true)
public class OssMultipartComponentAutoConfiguration {

    @Autowired
    private ApplicationContext applicationContext;

    private final CamelContext camelContext;
    private final OssMultipartComponentConfiguration configuration;

    public OssMultipartComponentAutoConfiguration(
            CamelContext camelContext, OssMultipartComponentConfiguration configuration) {
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Bean
    public ComponentCustomizer configureOssMultipartComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(
                                applicationContext,
                                "camel.component.customizer",
                                "camel.component.oss-multipart.customizer")
                        && target instanceof OssMultipartComponent;
            }
        };
    }
}
