package oko.exchange.tables;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.core.runtime.IProgressMonitor;

import oko.exchange.ImportReport;
import oko.exchange.ImportSettings;
import oko.exchange.Messages;
import oko.exchange.internal.GridColumns;
import oko.exchange.internal.Grid;
import oko.exchange.internal.Grid.TableRow;
import oko.exchange.internal.TableImport;
import oko.exchange.internal.Texts;
import oko.model.OkoFactory;
import oko.model.QualitySystem;
import oko.model.StageKind;
import oko.model.TechMapRow;
import oko.model.TechnologicalMap;

/**
 * A technological map (seeds 000, 002): the six stages of the management cycle (by number 1–6 or
 * by name), each with the action, the coordinator's, executors' and operator's duties. The map is
 * the one of the title's name, created when there is none; its rows are updated by stage.
 */
public final class TechMapTable extends TableImport {

    enum Col {
        NUMBER, STAGE, ACTION, COORDINATOR, EXECUTORS, OPERATOR
    }

    static Col classify(String key) {
        if (GridColumns.has(key, "оператор", "operator")) {
            return Col.OPERATOR;
        }
        if (GridColumns.has(key, "координатор", "coordinator")) {
            return Col.COORDINATOR;
        }
        if (GridColumns.has(key, "исполнител", "executor")) {
            return Col.EXECUTORS;
        }
        if (GridColumns.has(key, "действи", "мероприяти", "action")) {
            return Col.ACTION;
        }
        if (key.startsWith("№") || key.equals("no") || GridColumns.has(key, "п/п", "номер", "number")) {
            return Col.NUMBER;
        }
        if (GridColumns.has(key, "структур", "этап", "раздел", "компонент", "стади", "stage")) {
            return Col.STAGE;
        }
        return null;
    }

    /** The stage a cell names: by number 1–6, else by the words of its name; null when neither. */
    static StageKind stage(String number, String name) {
        if (number != null && number.matches("[1-6]")) {
            return StageKind.get(Integer.parseInt(number) - 1);
        }
        String k = Texts.key(name);
        if (k.startsWith("цел")) {
            return StageKind.GOALS;
        }
        if (GridColumns.has(k, "показател")) {
            return StageKind.INDICATORS;
        }
        if (k.startsWith("мониторинг")) {
            return StageKind.MONITORING;
        }
        if (GridColumns.has(k, "эффективност")) {
            return StageKind.EFFECTIVENESS;
        }
        if (k.startsWith("анализ")) {
            return StageKind.ANALYSIS;
        }
        if (GridColumns.has(k, "меры", "управленческие решения")) {
            return StageKind.MEASURES;
        }
        return null;
    }

    @Override
    public String id() {
        return "techmap";
    }

    @Override
    public String label() {
        return Messages.tableTechMapLabel;
    }

    private static GridColumns<Col> columns(Grid grid) {
        GridColumns<Col> c = GridColumns.find(grid, Col.class, TechMapTable::classify, Set.of(Col.ACTION));
        return c != null && (c.has(Col.STAGE) || c.has(Col.NUMBER)) ? c : null;
    }

    @Override
    public Prepared prepare(Path file, QualitySystem system, ImportSettings settings, IProgressMonitor monitor)
            throws IOException {
        ImportReport report = new ImportReport(fileName(file));
        Changes changes = new Changes(report);
        Table<Col> table = table(file, report, TechMapTable::columns, Messages.tableTechMapHeader);
        if (table == null) {
            return changes;
        }
        Grid grid = table.grid();
        GridColumns<Col> columns = table.columns();
        String title = title(grid, columns, file);
        TechnologicalMap map = null;
        for (TechnologicalMap m : system.getTechnologicalMaps()) {
            if (Texts.key(m.getName()).equals(Texts.key(title))) {
                map = m;
            }
        }
        boolean newMap = map == null;
        if (newMap) {
            map = OkoFactory.eINSTANCE.createTechnologicalMap();
            map.setName(title);
            report.created(Messages.classTechMap);
            TechnologicalMap created = map;
            changes.add(() -> system.getTechnologicalMaps().add(created));
        }
        TechnologicalMap theMap = map;
        changes.top(map);
        Map<StageKind, Integer> seen = new EnumMap<>(StageKind.class);
        List<TableRow> rows = grid.rows();
        for (int r = columns.firstData(); r < rows.size(); r++) {
            TableRow row = rows.get(r);
            if (row.isEmpty() || row.cells().equals(columns.names()) || row.spanning()) {
                continue;
            }
            report.previewRow(row.cells());
            String numberCell = row.cell(columns.of(Col.NUMBER));
            String name = row.cell(columns.of(Col.STAGE)).replace('\n', ' ');
            String number = Texts.number(numberCell);
            if (number == null && name.isEmpty()) {
                String[] lead = Texts.leadingNumber(row.cell(columns.of(Col.ACTION)));
                number = lead == null ? null : lead[0];
            }
            StageKind kind = stage(number, name);
            if (kind == null) {
                report.error(row.number(), columns.has(Col.STAGE) ? columns.name(Col.STAGE) : columns.name(Col.NUMBER),
                        Messages.bind(Messages.tableNoStage, numberCell.isEmpty() ? name : numberCell));
                continue;
            }
            Integer before = seen.putIfAbsent(kind, row.number());
            if (before != null) {
                report.error(row.number(), columns.has(Col.STAGE) ? columns.name(Col.STAGE) : columns.name(Col.NUMBER),
                        Messages.bind(Messages.tableStageTwice, kind.getValue() + 1, before));
                continue;
            }
            String action = row.cell(columns.of(Col.ACTION));
            String coordinator = row.cell(columns.of(Col.COORDINATOR));
            String executors = row.cell(columns.of(Col.EXECUTORS));
            String operator = row.cell(columns.of(Col.OPERATOR));
            TechMapRow existing = null;
            if (!newMap) {
                for (TechMapRow t : map.getRows()) {
                    if (t.getKind() == kind) {
                        existing = t;
                    }
                }
            }
            if (existing == null) {
                TechMapRow t = OkoFactory.eINSTANCE.createTechMapRow();
                t.setKind(kind);
                t.setNumber(kind.getValue() + 1);
                t.setName(name.isEmpty() ? null : name);
                t.setAction(empty(action));
                t.setCoordinatorDuty(empty(coordinator));
                t.setExecutorsDuty(empty(executors));
                t.setOperatorDuty(empty(operator));
                report.created(Messages.classTechMapRow);
                if (newMap) {
                    theMap.getRows().add(t);
                } else {
                    changes.add(() -> theMap.getRows().add(t));
                }
            } else {
                TechMapRow t = existing;
                boolean changed = false;
                if (!name.isEmpty() && !same(t.getName(), name)) {
                    changes.add(() -> t.setName(name));
                    changed = true;
                }
                if (!action.isEmpty() && !same(t.getAction(), action)) {
                    changes.add(() -> t.setAction(action));
                    changed = true;
                }
                if (!coordinator.isEmpty() && !same(t.getCoordinatorDuty(), coordinator)) {
                    changes.add(() -> t.setCoordinatorDuty(coordinator));
                    changed = true;
                }
                if (!executors.isEmpty() && !same(t.getExecutorsDuty(), executors)) {
                    changes.add(() -> t.setExecutorsDuty(executors));
                    changed = true;
                }
                if (!operator.isEmpty() && !same(t.getOperatorDuty(), operator)) {
                    changes.add(() -> t.setOperatorDuty(operator));
                    changed = true;
                }
                if (changed) {
                    report.updated(Messages.classTechMapRow);
                }
            }
        }
        return changes;
    }

    private static String empty(String s) {
        return s.isEmpty() ? null : s;
    }

    @Override
    public void write(QualitySystem system, Path file) throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        List<String> header = List.of(Messages.tableColumnNumber, Messages.tableColumnStage, Messages.tableColumnAction,
                Messages.tableColumnCoordinator, Messages.tableColumnExecutorsDuty, Messages.tableColumnOperator);
        int n = 0;
        for (TechnologicalMap map : system.getTechnologicalMaps()) {
            n++;
            SheetWriter sheet = new SheetWriter(workbook, Messages.bind(Messages.tableTechMapSheet, n), map.getName(), header);
            for (TechMapRow t : map.getRows()) {
                sheet.row(List.of(t.getKind() == null ? Integer.toString(t.getNumber()) : Integer.toString(t.getKind().getValue() + 1),
                        FunctionTable.nonNull(t.getName()), FunctionTable.nonNull(t.getAction()),
                        FunctionTable.nonNull(t.getCoordinatorDuty()), FunctionTable.nonNull(t.getExecutorsDuty()),
                        FunctionTable.nonNull(t.getOperatorDuty())));
            }
        }
        if (n == 0) {
            new SheetWriter(workbook, Messages.bind(Messages.tableTechMapSheet, 1), null, header);
        }
        save(workbook, file);
    }
}
