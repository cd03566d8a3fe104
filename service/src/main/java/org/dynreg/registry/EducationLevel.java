package org.dynreg.registry;

/** Highest level completed, with the number of school classes it stands for (PRE_PRIMARY is below Class 1). */
public enum EducationLevel {
    NONE(0), PRE_PRIMARY(0),
    CLASS_1(1), CLASS_2(2), CLASS_3(3), CLASS_4(4), CLASS_5(5), CLASS_6(6), CLASS_7(7), CLASS_8(8),
    CLASS_9(9), CLASS_10(10), CLASS_11(11), CLASS_12(12),
    DIPLOMA(13), BACHELOR(14), MASTER(16), DOCTORATE(19);

    private final int classesCompleted;

    EducationLevel(int classesCompleted) {
        this.classesCompleted = classesCompleted;
    }

    public int classesCompleted() {
        return classesCompleted;
    }
}
