package org.dynreg.registry;

public enum CookingFuel {
    GAS, LPG, WOOD, DUNG_CAKE, KEROSENE, ELECTRICITY, OTHER
}
