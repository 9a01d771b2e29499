package oko.ui;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;

/**
 * A user job of Oko's workbench: shown with its progress, belonging to a family that tests and
 * callers wait on; its body reports its own failures (dialog and Error Log) and returns OK or
 * CANCEL.
 */
public final class UserJobs {

    /** What the job does. */
    @FunctionalInterface
    public interface Body {
        IStatus run(IProgressMonitor monitor);
    }

    private UserJobs() {
    }

    /** Schedules the job at once and returns it. */
    public static Job schedule(String name, Object family, Body body) {
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                return body.run(monitor);
            }

            @Override
            public boolean belongsTo(Object candidate) {
                return candidate == family;
            }
        };
        job.setUser(true);
        job.schedule();
        return job;
    }
}
