package oko.table.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

import oko.model.Function;
import oko.model.FunctionSection;
import oko.model.OkoFactory;
import oko.model.Participation;
import oko.model.ParticipationKind;
import oko.model.QualitySystem;
import oko.model.Role;
import oko.table.TableInterpreter;
import oko.table.TableRegistry;
import oko.table.description.CrossTableDescription;
import oko.ui.internal.editors.CrossTableGrid;
import oko.ui.internal.editors.DescribedTable;

/**
 * Open of the RACI cross-table (the shipped description) on a generated system of 200 roles and
 * 300 functions in 10 sections (each function: 1-2 responsible roles and 0-3 participations):
 * the description interpreted, the editor's {@link CrossTableGrid} created (it draws only the cells
 * in view of the 60,000), laid out and painted once in a 1600×1000 window, as opening the editor
 * does; then a scroll to the table's middle, repainted. Needs a display (Xvfb). Prints figures, asserts
 * nothing.
 */
public final class CrossTableBenchmark {

    public static void main(String[] args) {
        Resource.Factory.Registry.INSTANCE.getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        TableRegistry.addFile(Path.of(System.getProperty("oko.root", "."), "bundles", "oko.table", "descriptions", "oko.tables.xmi"));
        var loaded = TableRegistry.get();
        if (!loaded.problems().isEmpty()) {
            throw new IllegalStateException(loaded.problems().toString());
        }
        CrossTableDescription raci = (CrossTableDescription) TableRegistry.byId("oko.tables.raci").orElseThrow();
        int roles = Integer.getInteger("oko.bench.roles", 200);
        int functions = Integer.getInteger("oko.bench.functions", 300);
        QualitySystem system = model(roles, functions);
        ComposedAdapterFactory factory = new ComposedAdapterFactory(ComposedAdapterFactory.Descriptor.Registry.INSTANCE);
        AdapterFactoryEditingDomain domain = new AdapterFactoryEditingDomain(factory, new BasicCommandStack());
        Display display = new Display();
        Shell shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1600, 1000);
        shell.open();
        System.out.printf(Locale.ROOT, "JVM %s, %d cores; %d roles × %d functions%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), roles, functions);
        int runs = 8;
        List<double[]> times = new ArrayList<>();
        int cells = 0;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            int lines = TableInterpreter.lines(raci, system).size();
            long interpreted = System.nanoTime();
            Composite holder = new Composite(shell, 0);
            DescribedTable table = new DescribedTable(holder, raci, system, domain, (e, r) -> null);
            shell.layout(true, true);
            long created = System.nanoTime();
            CrossTableGrid grid = table.grid();
            int[] paints = new int[1];
            grid.canvas().addListener(SWT.Paint, event -> paints[0]++);
            painted(display, paints, 0);
            long painted = System.nanoTime();
            // a scroll to the middle of the table (row and column), repainted
            grid.reveal(grid.rowCount() / 2, grid.columnElements().size() / 2);
            painted(display, paints, paints[0]);
            long scrolled = System.nanoTime();
            cells = grid.rowCount() * (grid.columnElements().size() + 1);
            times.add(new double[] { (painted - start) / 1e6, (interpreted - start) / 1e6, (created - interpreted) / 1e6,
                    (painted - created) / 1e6, (scrolled - painted) / 1e6 });
            holder.dispose();
            if (lines == 0) {
                throw new IllegalStateException("no lines");
            }
        }
        List<double[]> warm = new ArrayList<>(times.subList(runs / 2, runs));
        warm.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] median = warm.get(warm.size() / 2);
        double[] first = times.get(0);
        System.out.printf(Locale.ROOT,
                "RACI cross-table open (grid), %d cells: first %6.0f ms (lines interpreted %4.0f, grid created %5.0f,"
                        + " paint %4.0f), warm median %6.0f ms (lines interpreted %4.0f, grid created %5.0f, paint %4.0f);"
                        + " scroll to the middle and repaint %4.0f ms warm  (goal < 1000 ms)%n",
                cells, first[0], first[1], first[2], first[3], median[0], median[1], median[2], median[3], median[4]);
        shell.dispose();
        display.dispose();
    }

    /**
     * Runs the event loop until the canvas has been painted once more than {@code before} (GTK 3
     * paints on its frame clock, not in {@code update()}), then while events are pending.
     */
    private static void painted(Display display, int[] paints, int before) {
        long end = System.nanoTime() + 10_000_000_000L;
        while (paints[0] <= before) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the grid was not painted within 10 s");
            }
            if (!display.readAndDispatch()) {
                display.timerExec(2, () -> {
                    // wakes the loop to look again
                });
                display.sleep();
            }
        }
        while (display.readAndDispatch()) {
            // what the paint left
        }
    }

    /** A system of {@code roles} roles and {@code functions} functions in 10 sections, relations drawn at random (seeded). */
    public static QualitySystem model(int roles, int functions) {
        OkoFactory f = OkoFactory.eINSTANCE;
        QualitySystem system = f.createQualitySystem();
        system.setName("Система (бенчмарк)");
        for (int i = 0; i < roles; i++) {
            Role role = f.createRole();
            role.setName("Роль " + (i + 1));
            system.getRoles().add(role);
        }
        Random random = new Random(23);
        int sections = 10;
        for (int s = 0; s < sections; s++) {
            FunctionSection section = f.createFunctionSection();
            section.setNumber(Integer.toString(s + 1));
            section.setName("Раздел " + (s + 1));
            system.getSections().add(section);
            for (int i = 0; i < functions / sections; i++) {
                Function function = f.createFunction();
                function.setNumber((s + 1) + "." + (i + 1));
                function.setName("Функция " + (s + 1) + "." + (i + 1) + " управления качеством образования");
                for (int r = 0; r < 1 + random.nextInt(2); r++) {
                    function.getResponsibleRoles().add(system.getRoles().get(random.nextInt(roles)));
                }
                for (int p = 0; p < random.nextInt(4); p++) {
                    Participation participation = f.createParticipation();
                    participation.setRole(system.getRoles().get(random.nextInt(roles)));
                    participation.setKind(ParticipationKind.VALUES.get(random.nextInt(ParticipationKind.VALUES.size())));
                    function.getParticipations().add(participation);
                }
                section.getFunctions().add(function);
            }
        }
        return system;
    }
}
