package oko.reports.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;

import oko.cycle.CycleEvidence.CheckResult;
import oko.cycle.CycleEvidence.CheckState;
import oko.cycle.CycleEvidence.DirectionResult;
import oko.cycle.CycleEvidence.StageResult;
import oko.model.Document;
import oko.model.edit.ModelLabels;

/**
 * Scripted data set "details" of the self-analysis report: per direction (the group: code, name,
 * state and score), its gaps by stage, then the documents among the evidence of its checks. Column
 * {@code kind} says what a row is:
 * <ul>
 * <li>{@code gaps} — the heading of the gaps; {@code stage} — a stage with gaps, {@code text}
 * «Этап 3. Мониторинг: 40 из 100»; {@code gap} — a check not met: {@code id}, {@code title},
 * {@code reason}, {@code objects} (the objects lacking something, one per line);
 * {@code noGaps} — {@code text} says the direction has none;</li>
 * <li>{@code documents} — the heading of the evidence documents; {@code document} — one:
 * {@code number}, {@code date} (dd.MM.yyyy), {@code docKind}, {@code title}; {@code noDocuments} —
 * {@code text} says there is none.</li>
 * </ul>
 */
public final class CycleDetailRows extends CycleRows {

    /** At most this many objects lacking something are named per check; the rest are counted. */
    static final int MAX_OBJECTS = 12;

    @Override
    protected void collectCycles(List<Evaluation> evaluations, List<Map<String, Object>> rows) {
        int index = 0;
        for (Evaluation evaluation : evaluations) {
            for (DirectionResult direction : evaluation.directions()) {
                String group = Messages.bind(Messages.cycleDirectionTitle, new Object[] {
                        join(direction.direction().getCode(), direction.direction().getName()),
                        state(direction.state()), direction.score() });
                int groupIndex = index++;
                rows.add(groupRow(groupIndex, group, "kind", "gaps"));
                boolean gaps = false;
                Set<Document> documents = new LinkedHashSet<>();
                for (StageResult stage : direction.stages()) {
                    boolean stageShown = false;
                    for (CheckResult check : stage.checks()) {
                        check.evidence().stream().filter(Document.class::isInstance).map(Document.class::cast)
                                .forEach(documents::add);
                        if (check.state() == CheckState.MET) {
                            continue;
                        }
                        if (!stageShown) {
                            rows.add(groupRow(groupIndex, group, "kind", "stage", "text", Messages.bind(
                                    Messages.cycleStageTitle, new Object[] { number(stage.stage()),
                                            ModelLabels.literal(stage.stage()), stage.score() })));
                            stageShown = true;
                        }
                        gaps = true;
                        rows.add(groupRow(groupIndex, group, "kind", "gap", "id", check.check().id(), "title",
                                check.check().title(), "reason", check.reason() == null ? "" : check.reason(),
                                "objects", objects(check.gaps())));
                    }
                }
                if (!gaps) {
                    rows.add(groupRow(groupIndex, group, "kind", "noGaps", "text", Messages.cycleNoGaps));
                }
                rows.add(groupRow(groupIndex, group, "kind", "documents"));
                for (Document document : documents) {
                    rows.add(groupRow(groupIndex, group, "kind", "document", "number",
                            document.getNumber() == null ? "" : document.getNumber().strip(), "date",
                            date(document.getDate()), "docKind", ModelLabels.literal(document.getKind()), "title",
                            join(null, document.getName())));
                }
                if (documents.isEmpty()) {
                    rows.add(groupRow(groupIndex, group, "kind", "noDocuments", "text", Messages.cycleNoDocuments));
                }
            }
        }
    }

    /** The objects' types and names, one per line; beyond {@link #MAX_OBJECTS} only their number. */
    static String objects(List<EObject> objects) {
        List<String> lines = new ArrayList<>();
        for (EObject object : objects) {
            if (lines.size() == MAX_OBJECTS) {
                lines.add(Messages.bind(Messages.cycleMoreObjects, objects.size() - MAX_OBJECTS));
                break;
            }
            lines.add(ModelLabels.label(object));
        }
        return String.join("\n", lines);
    }
}
