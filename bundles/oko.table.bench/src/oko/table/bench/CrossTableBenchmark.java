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
import oko.ui.internal.editors.DescribedTable;

/**
 * Open of the RACI cross-table (the shipped description) on a generated system of 200 roles and
 * 300 functions in 10 sections (each function: 1-2 responsible roles and 0-3 participations):
 * the description interpreted and the SWT tree filled (60,000 cells), laid out and painted once in
 * a 1600×1000 window, as opening the editor does. Needs a display (Xvfb). Prints figures, asserts
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
            long filled = System.nanoTime();
            holder.update();
            while (display.readAndDispatch()) {
                // paint what is visible
            }
            long painted = System.nanoTime();
            cells = table.viewer().getTree().getColumnCount() * countItems(table.viewer().getTree().getItems());
            times.add(new double[] { (painted - start) / 1e6, (interpreted - start) / 1e6, (filled - interpreted) / 1e6,
                    (painted - filled) / 1e6 });
            holder.dispose();
            if (lines == 0) {
                throw new IllegalStateException("no lines");
            }
        }
        List<double[]> warm = new ArrayList<>(times.subList(runs / 2, runs));
        warm.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] median = warm.get(warm.size() / 2);
        System.out.printf(Locale.ROOT,
                "RACI cross-table open, %d cells: first %6.0f ms, warm median %6.0f ms (lines interpreted %4.0f,"
                        + " tree created and filled %5.0f, paint %4.0f)  (goal < 1000 ms)%n",
                cells, times.get(0)[0], median[0], median[1], median[2], median[3]);
        shell.dispose();
        display.dispose();
    }

    private static int countItems(org.eclipse.swt.widgets.TreeItem[] items) {
        int count = items.length;
        for (var item : items) {
            count += countItems(item.getItems());
        }
        return count;
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
