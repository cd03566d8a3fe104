package org.dynreg.eligibility.facts;

/** Points one scorecard indicator gave the household, inserted by a row of the scoring table. */
public class IndicatorPoints {
    private final int indicator;
    private final String question;
    private final String answer;
    private final int points;

    public IndicatorPoints(int indicator, String question, String answer, int points) {
        this.indicator = indicator;
        this.question = question;
        this.answer = answer;
        this.points = points;
    }

    public int getIndicator() { return indicator; }
    public String getQuestion() { return question; }
    public String getAnswer() { return answer; }
    public int getPoints() { return points; }
}
