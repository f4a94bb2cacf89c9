package io.edgecoord.device.modbus;

import java.util.List;

import io.edgecoord.device.profile.DeviceProfile;
import io.edgecoord.device.profile.InvalidDefinitionException;
import io.edgecoord.device.profile.ProfileResource;
import io.edgecoord.device.profile.ValueType;


/**
 * The Modbus locators of a profile's resources: checked when a Modbus device is registered (or
 * its profile changes), so a wrong attribute is a 400 naming the resource and attribute rather
 * than a failing poll.
 */
public final class ModbusResources {

    private ModbusResources() {
    }

    /** Checks every resource of the profile; throws {@link InvalidDefinitionException} at the first fault. */
    public static void check(DeviceProfile profile) {
        profile.resources().forEach(ModbusResources::locator);
    }

    static List<ModbusLocator> locators(List<ProfileResource> resources) {
        return resources.stream().map(ModbusResources::locator).toList();
    }

    static ModbusLocator locator(ProfileResource resource) {
        ValueType type = resource.valueType().element();
        ModbusLocator.Kind kind = switch (type) {
            case BOOL -> ModbusLocator.Kind.BOOL;
            case STRING -> ModbusLocator.Kind.STRING;
            case BINARY -> ModbusLocator.Kind.BINARY;
            case OBJECT -> throw new InvalidDefinitionException("resource '" + resource.name()
                    + "': valueType OBJECT cannot be read over Modbus");
            default -> ModbusLocator.Kind.NUMBER;
        };
        RawType raw = switch (type) {
            case INT8, INT16 -> RawType.INT16;
            case UINT8, UINT16 -> RawType.UINT16;
            case OBJECT -> null;
            default -> RawType.valueOf(type.name());
        };
        try {
            return ModbusLocator.parse(resource.name(), resource.attributes(), kind, resource.valueType().array(), raw,
                    resource.readWrite().writable());
        }
        catch (ModbusAttributeException ex) {
            throw new InvalidDefinitionException(ex.getMessage());
        }
    }
}
