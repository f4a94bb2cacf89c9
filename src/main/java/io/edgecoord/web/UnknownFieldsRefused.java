package io.edgecoord.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;

/**
 * Refuses a field the target type does not know, as {@code FAIL_ON_UNKNOWN_PROPERTIES} would, but
 * reads on to the end of the same JSON object first, so that the error names every unknown field
 * there, not only the first ({@link UnknownFieldsException}).
 */
final class UnknownFieldsRefused extends DeserializationProblemHandler {

    @Override
    public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
            ValueDeserializer<?> deserializer, Object beanOrClass, String name) {
        Collection<Object> known = deserializer.getKnownPropertyNames();
        List<String> unknown = new ArrayList<>(List.of(name));
        // The parser is at the unknown field's value; the object's later fields follow it.
        parser.skipChildren();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String next = parser.currentName();
            if (known == null || !known.contains(next)) {
                unknown.add(next);
            }
            parser.nextToken();
            parser.skipChildren();
        }
        throw UnknownFieldsException.of(parser, beanOrClass, unknown, known);
    }
}
