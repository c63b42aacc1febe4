package cn.zs.civil.clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

// The application also scans for configuration properties; registering them here keeps the package usable in
// test slices that import only this package.
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClockProperties.class)
class ClockConfiguration {
}
