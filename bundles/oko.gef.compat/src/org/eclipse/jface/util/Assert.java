package org.eclipse.jface.util;

/**
 * The assertions GEF 3.2 (2007) calls and today's JFace no longer has (it moved them to
 * org.eclipse.core.runtime.Assert): a fragment of org.eclipse.jface puts this class back into
 * its package, so GEF's palette, tools and viewers load unchanged. Only the methods GEF 3.2 and
 * draw2d 3.2 call are here (found by scanning their class files).
 */
public final class Assert {

    private Assert() {
    }

    /** Thrown when an assertion fails. */
    public static final class AssertionFailedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public AssertionFailedException(String detail) {
            super(detail);
        }
    }

    public static void isNotNull(Object object) {
        isNotNull(object, "");
    }

    public static void isNotNull(Object object, String message) {
        if (object == null) {
            throw new AssertionFailedException("null argument: " + message);
        }
    }

    public static boolean isTrue(boolean expression) {
        return isTrue(expression, "");
    }

    public static boolean isTrue(boolean expression, String message) {
        if (!expression) {
            throw new AssertionFailedException("assertion failed: " + message);
        }
        return expression;
    }

    public static boolean isLegal(boolean expression) {
        return isLegal(expression, "");
    }

    public static boolean isLegal(boolean expression, String message) {
        if (!expression) {
            throw new IllegalArgumentException(message);
        }
        return expression;
    }
}
