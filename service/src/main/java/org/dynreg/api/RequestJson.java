package org.dynreg.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Request bodies mean exactly what they say: a field the request does not define, a field given twice, a value
 * followed by more text, or JSON nested deeper than the database stores, is
 * refused ({@link ApiErrors} answers with the field's path). The application's shared {@link ObjectMapper} stays
 * as it is, since it also reads JSON the registry stored itself; only the converters that read requests are strict.
 */
@Configuration
class RequestJson implements WebMvcConfigurer {
    /**
     * The deepest nesting MariaDB's JSON functions accept (JSON_VALID is false from 32 levels on, so a JSON_VALID
     * check constraint refuses deeper documents; a test asks MariaDB). Requests are refused beyond it, before
     * anything is stored.
     */
    static final int MAX_NESTING = 31;

    private final ObjectMapper strict;

    RequestJson(ObjectMapper shared) {
        strict = shared.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        strict.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
    }

    /** Puts a strict converter in place of each JSON one of Spring MVC's list (the shared converter is left alone). */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof MappingJackson2HttpMessageConverter) {
                converters.set(i, new MappingJackson2HttpMessageConverter(strict));
            }
        }
    }
}
