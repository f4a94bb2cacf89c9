package io.edgecoord.device;

import java.util.List;

import io.edgecoord.device.modbus.ModbusAttributeException;
import io.edgecoord.device.modbus.ModbusLocator;
import io.edgecoord.device.modbus.RawType;

/**
 * The Modbus locators of a profile's resources: checked when a Modbus device is registered (or
 * its profile changes), so a wrong attribute is a 400 naming the resource and attribute rather
 * than a failing poll.
 */
final class ModbusResources {

    private ModbusResources() {
    }

    /** Checks every resource of the profile; throws {@link InvalidDefinitionException} at the first fault. */
    static void check(DeviceProfile profile) {
        profile.resources().forEach(ModbusResources::locator);
    }

    static List<ModbusLocator> locators(List<ProfileResource> resources) {
        return resources.stream().map(ModbusResources::locator).toList();
    }

    static ModbusLocator locator(ProfileResource resource) {
        ValueType type = resource.valueType();
        ModbusLocator.Kind kind = switch (type) {
            case BOOL -> ModbusLocator.Kind.BOOL;
            case STRING -> ModbusLocator.Kind.STRING;
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, FLOAT32, FLOAT64 -> ModbusLocator.Kind.NUMBER;
            case OBJECT -> throw new InvalidDefinitionException("resource '" + resource.name()
                    + "': valueType OBJECT cannot be read over Modbus");
        };
        RawType raw = switch (type) {
            case BOOL -> RawType.BOOL;
            case STRING -> RawType.STRING;
            case INT8, INT16 -> RawType.INT16;
            case UINT8, UINT16 -> RawType.UINT16;
            case UINT32 -> RawType.UINT32;
            case INT32 -> RawType.INT32;
            case INT64 -> RawType.INT64;
            case FLOAT32 -> RawType.FLOAT32;
            case FLOAT64 -> RawType.FLOAT64;
            case OBJECT -> null;
        };
        try {
            return ModbusLocator.parse(resource.name(), resource.attributes(), kind, raw,
                    resource.readWrite().writable());
        }
        catch (ModbusAttributeException ex) {
            throw new InvalidDefinitionException(ex.getMessage());
        }
    }
}
