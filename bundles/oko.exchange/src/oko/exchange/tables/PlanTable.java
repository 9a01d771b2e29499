package oko.exchange.tables;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.core.runtime.IProgressMonitor;

import oko.core.deadline.DeadlineTexts;
import oko.exchange.ImportReport;
import oko.exchange.ImportSettings;
import oko.exchange.Messages;
import oko.exchange.internal.GridColumns;
import oko.exchange.internal.Grid;
import oko.exchange.internal.Grid.TableRow;
import oko.exchange.internal.TableImport;
import oko.exchange.internal.Texts;
import oko.model.Deadline;
import oko.model.Document;
import oko.model.OkoFactory;
import oko.model.Period;
import oko.model.Plan;
import oko.model.PlanItem;
import oko.model.QualitySystem;
import oko.model.RelativeDeadline;
import oko.model.Role;

/**
 * A plan of measures (seed 004): items numbered hierarchically (a spanning row is an item of the
 * top level), each with its text, deadline (read by {@link DeadlineTexts}; a form not understood
 * is kept as text and noted; «после срока, указанного в п.2.1.1.3» refers to that item, resolved
 * once every row is read), result (linked to the system's document of that name when there is
 * one) and executors (roles matched by name or code, created when missing). The plan is the one of
 * the title's name (the text above the table), created when there is none; items are updated by number.
 */
public final class PlanTable extends TableImport {

    enum Col {
        NUMBER, ITEM, DEADLINE, RESULT, EXECUTORS
    }

    static Col classify(String key) {
        if (key.startsWith("№") || key.equals("no") || GridColumns.has(key, "п/п", "номер", "number")) {
            return Col.NUMBER;
        }
        if (GridColumns.has(key, "срок", "дата", "deadline")) {
            return Col.DEADLINE;
        }
        if (GridColumns.has(key, "результат", "документ", "форма отчет", "result")) {
            return Col.RESULT;
        }
        if (GridColumns.has(key, "ответствен", "исполнител", "координатор", "executor", "responsib")) {
            return Col.EXECUTORS;
        }
        if (GridColumns.has(key, "мероприяти", "содержание", "наименование", "действи", "этап", "задач", "measure", "item")) {
            return Col.ITEM;
        }
        return null;
    }

    @Override
    public String id() {
        return "plan";
    }

    @Override
    public String label() {
        return Messages.tablePlanLabel;
    }

    private static GridColumns<Col> columns(Grid grid) {
        return GridColumns.find(grid, Col.class, PlanTable::classify, Set.of(Col.ITEM, Col.DEADLINE));
    }

    /** An item read with the reference its deadline still has to get. */
    private record Pending(PlanItem item, RelativeDeadline deadline, String reference, int row, boolean isNew) {
    }

    @Override
    public Prepared prepare(Path file, QualitySystem system, ImportSettings settings, IProgressMonitor monitor)
            throws IOException {
        ImportReport report = new ImportReport(fileName(file));
        Changes changes = new Changes(report);
        Table<Col> table = table(file, report, PlanTable::columns, Messages.tablePlanHeader);
        if (table == null) {
            return changes;
        }
        Grid grid = table.grid();
        GridColumns<Col> columns = table.columns();
        String title = title(grid, columns, file);
        Plan plan = null;
        for (Plan p : system.getPlans()) {
            if (Texts.key(p.getName()).equals(Texts.key(title))) {
                plan = p;
            }
        }
        boolean newPlan = plan == null;
        Period period = period(system, settings, plan == null ? null : plan.getPeriod(), title, report);
        if (newPlan) {
            plan = OkoFactory.eINSTANCE.createPlan();
            plan.setName(title);
            plan.setPeriod(period);
            report.created(Messages.classPlan);
            Plan created = plan;
            changes.add(() -> system.getPlans().add(created));
        }
        Plan thePlan = plan;
        changes.top(plan);
        Catalogue catalogue = new Catalogue(system, report, changes);
        Map<String, PlanItem> byNumber = new HashMap<>();
        if (!newPlan) {
            index(plan.getItems(), byNumber);
        }
        Map<PlanItem, Boolean> isNew = new HashMap<>();
        List<Pending> pending = new ArrayList<>();
        Numbers numbers = new Numbers();
        PlanItem previous = null;
        String numberColumn = columns.name(Col.NUMBER);
        List<TableRow> rows = grid.rows();
        for (int r = columns.firstData(); r < rows.size(); r++) {
            TableRow row = rows.get(r);
            if (row.isEmpty() || row.cells().equals(columns.names())) {
                continue;
            }
            report.previewRow(row.cells());
            List<String> texts = row.distinct();
            String numberCell = row.spanning() ? "" : row.cell(columns.of(Col.NUMBER));
            String text = row.spanning() ? texts.get(0) : row.cell(columns.of(Col.ITEM));
            String number = null;
            if (!numberCell.isEmpty()) {
                number = Texts.number(numberCell);
                if (number == null) {
                    report.error(row.number(), numberColumn, Messages.bind(Messages.tableNotNumber, numberCell));
                    continue;
                }
            } else {
                String[] lead = Texts.leadingNumber(text);
                if (lead != null) {
                    number = lead[0];
                    text = lead[1];
                }
            }
            text = text.replace('\n', ' ');
            if (number != null) {
                int before = numbers.seen(number, row.number());
                if (before > 0) {
                    report.error(row.number(), numberColumn, Messages.bind(Messages.tableNumberTwice, number, before));
                    continue;
                }
            }
            if (text.isEmpty()) {
                report.note(row.number(), columns.name(Col.ITEM),
                        Messages.bind(Messages.tableNoItemText, String.join(" | ", texts)));
            }
            String deadlineText = row.spanning() ? "" : row.cell(columns.of(Col.DEADLINE)).replace('\n', ' ');
            String result = row.spanning() ? "" : row.cell(columns.of(Col.RESULT));
            String executors = row.spanning() ? "" : row.cell(columns.of(Col.EXECUTORS));

            PlanItem item = number == null ? null : byNumber.get(number);
            if (item == null && number == null) {
                List<PlanItem> siblings = previous == null || previous.eContainer() instanceof Plan || previous.eContainer() == null
                        ? thePlan.getItems()
                        : ((PlanItem) previous.eContainer()).getChildren();
                for (PlanItem s : siblings) {
                    if (Texts.number(s.getNumber()) == null && Texts.key(s.getName()).equals(Texts.key(text))) {
                        item = s;
                    }
                }
            }
            boolean created = item == null;
            if (created) {
                item = OkoFactory.eINSTANCE.createPlanItem();
                item.setNumber(number);
                item.setName(text);
                isNew.put(item, true);
                report.created(Messages.classPlanItem);
                PlanItem parent = parent(number, byNumber, previous);
                PlanItem child = item;
                if (parent == null) {
                    if (newPlan) {
                        thePlan.getItems().add(child);
                    } else {
                        changes.add(() -> thePlan.getItems().add(child));
                    }
                } else if (isNew.containsKey(parent)) {
                    parent.getChildren().add(child);
                } else {
                    changes.add(() -> parent.getChildren().add(child));
                }
                if (number != null) {
                    byNumber.put(number, item);
                }
            }
            previous = item;
            PlanItem theItem = item;
            boolean changed = false;
            if (!created && !text.isEmpty() && !same(item.getName(), text)) {
                String name = text;
                changes.add(() -> theItem.setName(name));
                changed = true;
            }
            String hadDeadline = item.getDeadline() == null ? "" : item.getDeadline().getText();
            if (!deadlineText.isEmpty() && (created || !same(hadDeadline, deadlineText))) {
                Optional<DeadlineTexts.Parsed> parsed = DeadlineTexts.parse(deadlineText, period);
                Deadline deadline;
                if (parsed.isPresent()) {
                    deadline = parsed.get().deadline();
                    if (parsed.get().referenceNumber() != null) {
                        pending.add(new Pending(item, (RelativeDeadline) deadline, parsed.get().referenceNumber(), row.number(),
                                created));
                    }
                } else {
                    deadline = DeadlineTexts.textOnly(deadlineText);
                    report.note(row.number(), columns.name(Col.DEADLINE), Messages.bind(Messages.tableDeadlineText, deadlineText));
                }
                if (created) {
                    item.setDeadline(deadline);
                } else {
                    changes.add(() -> theItem.setDeadline(deadline));
                    changed = true;
                }
            }
            if (!result.isEmpty() && (created || !same(item.getResult(), result))) {
                Document document = catalogue.existingDocument(result);
                if (created) {
                    item.setResult(result);
                    if (document != null) {
                        item.getResultDocuments().add(document);
                    }
                } else {
                    changes.add(() -> {
                        theItem.setResult(result);
                        if (document != null && !theItem.getResultDocuments().contains(document)) {
                            theItem.getResultDocuments().add(document);
                        }
                    });
                    changed = true;
                }
            }
            String had = item.getResponsibleText() == null || item.getResponsibleText().isBlank()
                    ? names(item.getResponsibleRoles(), ", ")
                    : item.getResponsibleText();
            if (!executors.isEmpty() && (created || !same(had, executors))) {
                List<Role> roles = catalogue.roles(executors, row.number(), columns.name(Col.EXECUTORS));
                if (created) {
                    item.setResponsibleText(executors);
                    item.getResponsibleRoles().addAll(roles);
                } else {
                    changes.add(() -> {
                        theItem.setResponsibleText(executors);
                        theItem.getResponsibleRoles().clear();
                        theItem.getResponsibleRoles().addAll(roles);
                    });
                    changed = true;
                }
            }
            if (changed) {
                report.updated(Messages.classPlanItem);
            }
        }
        for (Pending p : pending) {
            PlanItem target = byNumber.get(p.reference());
            if (target == null) {
                report.note(p.row(), columns.name(Col.DEADLINE), Messages.bind(Messages.tableNoReferencedItem, p.reference()));
                p.deadline().setReferenceText(Messages.bind(Messages.tableItemReference, p.reference()));
            } else {
                p.deadline().setReference(target);
            }
        }
        return changes;
    }

    private static void index(List<PlanItem> items, Map<String, PlanItem> byNumber) {
        for (PlanItem i : items) {
            String n = Texts.number(i.getNumber());
            if (n != null) {
                byNumber.putIfAbsent(n, i);
            }
            index(i.getChildren(), byNumber);
        }
    }

    /** The item above: that of the number one level up (or higher, when missing); without a number, that of the previous item. */
    private static PlanItem parent(String number, Map<String, PlanItem> byNumber, PlanItem previous) {
        if (number == null) {
            return previous != null && previous.eContainer() instanceof PlanItem p ? p : null;
        }
        for (String up = Texts.parent(number); up != null; up = Texts.parent(up)) {
            PlanItem p = byNumber.get(up);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    @Override
    public void write(QualitySystem system, Path file) throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        int n = 0;
        for (Plan plan : system.getPlans()) {
            n++;
            SheetWriter sheet = new SheetWriter(workbook, Messages.bind(Messages.tablePlanSheet, n), plan.getName(),
                    List.of(Messages.tableColumnNumber, Messages.tableColumnItem, Messages.tableColumnDeadline,
                            Messages.tableColumnResult, Messages.tableColumnExecutors));
            writeItems(sheet, plan.getItems());
        }
        if (n == 0) {
            new SheetWriter(workbook, Messages.bind(Messages.tablePlanSheet, 1), null,
                    List.of(Messages.tableColumnNumber, Messages.tableColumnItem, Messages.tableColumnDeadline,
                            Messages.tableColumnResult, Messages.tableColumnExecutors));
        }
        save(workbook, file);
    }

    private static void writeItems(SheetWriter sheet, List<PlanItem> items) {
        for (PlanItem i : items) {
            String responsible = i.getResponsibleText() == null || i.getResponsibleText().isBlank()
                    ? names(i.getResponsibleRoles(), ", ")
                    : i.getResponsibleText();
            sheet.row(List.of(FunctionTable.nonNull(i.getNumber()), FunctionTable.nonNull(i.getName()),
                    i.getDeadline() == null ? "" : FunctionTable.nonNull(i.getDeadline().getText()),
                    FunctionTable.nonNull(i.getResult()), responsible));
            writeItems(sheet, i.getChildren());
        }
    }
}
