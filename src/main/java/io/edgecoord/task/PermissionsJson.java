package io.edgecoord.task;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a task version's {@link TaskPermissions} as one JSON object in a varchar column, in the
 * deploy request's shape. A {@code null} column is a version with no permissions (every version
 * deployed before permissions existed); a list missing from the JSON grants nothing.
 */
@Converter
class PermissionsJson implements AttributeConverter<TaskPermissions, String> {

    /** The width of the {@code permissions_json} column. */
    static final int MAX_LENGTH = 16384;

    private static final JsonMapper mapper = JsonMapper.builder().build();

    static String write(TaskPermissions permissions) {
        return mapper.writeValueAsString(Stored.of(permissions));
    }

    @Override
    public String convertToDatabaseColumn(TaskPermissions permissions) {
        return (permissions != null) ? write(permissions) : null;
    }

    @Override
    public TaskPermissions convertToEntityAttribute(String json) {
        return (json != null) ? mapper.readValue(json, Stored.class).permissions() : null;
    }

    /** The column's JSON shape, kept apart from the API's so that either may change alone. */
    record Stored(Shadows shadows, List<String> invoke, List<String> publish, List<String> subscribe) {

        static Stored of(TaskPermissions permissions) {
            return new Stored(new Shadows(permissions.shadowsRead(), permissions.shadowsWrite()),
                    permissions.invoke(), permissions.publish(), permissions.subscribe());
        }

        TaskPermissions permissions() {
            Shadows given = (this.shadows != null) ? this.shadows : new Shadows(null, null);
            return new TaskPermissions(given.read(), given.write(), this.invoke, this.publish, this.subscribe);
        }

        record Shadows(List<String> read, List<String> write) {
        }
    }
}
