package oko.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

import oko.cli.CommandCatalog;
import oko.cli.Dispatcher;
import oko.cli.Outcome;

/**
 * The Oko application. Dispatches on the first argument: a command runs headless through
 * {@link Dispatcher}; no command starts the workbench. The workbench classes are only touched on
 * the second path, so commands never need a display.
 */
public final class OkoApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        List<String> arguments = withoutPlatformArguments(args == null ? List.of() : Arrays.asList(args));
        Dispatcher dispatcher = new Dispatcher(CommandCatalog.fromExtensions(), System.out, System.err,
                (command, cause) -> ILog.of(OkoApplication.class)
                        .log(Status.error("Command '" + command + "' failed", cause)));
        Outcome outcome = dispatcher.dispatch(arguments);
        context.applicationRunning();
        if (!outcome.startWorkbench()) {
            System.out.flush();
            return Integer.valueOf(outcome.exitCode().getAsInt());
        }
        return WorkbenchLauncher.run(outcome.options());
    }

    /**
     * Arguments that Equinox or a test harness (Tycho's UI test application) passes on to the
     * application although they are not Oko's: Eclipse's own options, which start with one dash.
     */
    private static final Set<String> PLATFORM_OPTIONS_WITH_VALUE = Set.of("-testproperties", "-testApplication",
            "-testpluginname", "-product", "-application", "-pluginCustomization", "-nl", "-data", "-configuration",
            "-user", "-install", "-os", "-ws", "-arch", "-startup", "-vm");
    private static final Set<String> PLATFORM_FLAGS = Set.of("-consoleLog", "-clean", "-debug", "-noExit",
            "-nosplash", "-showsplash", "-noRestart", "-console", "-nouithread");

    static List<String> withoutPlatformArguments(List<String> args) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (PLATFORM_OPTIONS_WITH_VALUE.contains(arg)) {
                i++;
            } else if (!PLATFORM_FLAGS.contains(arg)) {
                result.add(arg);
            }
        }
        return result;
    }

    @Override
    public void stop() {
        WorkbenchLauncher.close();
    }
}
