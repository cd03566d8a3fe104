package org.dynreg.registry;

public enum RoofMaterial {
    RCC, IRON_CEMENT_SHEET, WOOD_BAMBOO, THATCH, OTHER
}
