package org.dynreg.registry;

public enum WallMaterial {
    BURNT_BRICK, UNBAKED_BRICK_MUD, WOOD_BAMBOO, STONE, CONCRETE, OTHER
}
