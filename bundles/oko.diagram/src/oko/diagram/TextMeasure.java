package oko.diagram;

/**
 * How wide a text is and how high its lines are, in pixels at 100 %: the one seam through which
 * node sizes learn about fonts. The diagram editor passes one measuring with the font it draws
 * with, so ELK lays out the sizes the figures will have; headless code (tests, export, the
 * command line) uses {@link #ESTIMATE}.
 */
public interface TextMeasure {

    /**
     * A headless estimate of the editor's default font (about 9 pt): 7 px a character (8 bold), 17
     * px a line. A word is never cut: the estimate only shifts where lines break.
     */
    TextMeasure ESTIMATE = new TextMeasure() {
        @Override
        public double width(String text, boolean bold) {
            return text.length() * (bold ? 8.0 : 7.0);
        }

        @Override
        public double lineHeight(boolean bold) {
            return 17;
        }
    };

    /** Width of the text on one line. */
    double width(String text, boolean bold);

    /** Height of one line. */
    double lineHeight(boolean bold);
}
