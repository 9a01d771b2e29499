package oko.repository.exchange;

import java.util.List;

/** An import that changed nothing; every problem names the file and line or the object. */
public class ImportException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ImportException(List<String> problems, Throwable cause) {
        super(String.join("\n", problems), cause);
        this.problems = List.copyOf(problems);
    }

    public ImportException(String problem) {
        this(List.of(problem), null);
    }

    public List<String> problems() {
        return problems;
    }
}
