package io.edgecoord.task;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a runtime by its stable id ({@code python3.11}), not by the enum constant's name. */
@Converter(autoApply = true)
class TaskRuntimeConverter implements AttributeConverter<TaskRuntime, String> {

    @Override
    public String convertToDatabaseColumn(TaskRuntime runtime) {
        return runtime.id();
    }

    @Override
    public TaskRuntime convertToEntityAttribute(String id) {
        return TaskRuntime.fromId(id).orElseThrow(() -> new IllegalStateException("Unknown runtime in database: " + id));
    }
}
