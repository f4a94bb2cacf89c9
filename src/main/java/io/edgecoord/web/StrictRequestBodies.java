package io.edgecoord.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes JSON request bodies (and multipart JSON parts) that Spring MVC binds strict: a field the
 * target type does not know is a 400 that names it ({@link UnknownFieldsRefused}). Only the
 * server's JSON converter gets this, built from the application's mapper; the mapper itself, which
 * reads runtimes' error documents, stored JSON columns and shadows, stays lenient, and so do
 * bodies read as {@code JsonNode}, {@code Map}, {@code String} or bytes, which have no unknown fields.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestBodies implements WebMvcConfigurer {

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        // Applied once every converter is chosen, so it replaces Boot's JSON converter whatever the order.
        converters.configureMessageConvertersList(list -> list.replaceAll(StrictRequestBodies::strict));
    }

    /**
     * The plain JSON converter made strict; subclasses (Spring Data's projecting converter, which
     * reads only projection interfaces and must keep its place before the String converter) stay.
     */
    private static HttpMessageConverter<?> strict(HttpMessageConverter<?> converter) {
        if (converter.getClass() != JacksonJsonHttpMessageConverter.class) {
            return converter;
        }
        JacksonJsonHttpMessageConverter lenient = (JacksonJsonHttpMessageConverter) converter;
        JacksonJsonHttpMessageConverter strict = new JacksonJsonHttpMessageConverter(
                lenient.getMapper().rebuild().addHandler(new UnknownFieldsRefused()).build());
        strict.setSupportedMediaTypes(lenient.getSupportedMediaTypes());
        return strict;
    }
}
