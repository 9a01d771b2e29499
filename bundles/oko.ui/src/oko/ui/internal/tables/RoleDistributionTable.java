package oko.ui.internal.tables;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.domain.EditingDomain;

import oko.model.FunctionSection;
import oko.model.OkoFactory;
import oko.model.OkoPackage;
import oko.model.QualitySystem;
import oko.model.edit.CommandLabels;
import oko.ui.internal.Messages;
import oko.ui.tables.TableColumn;
import oko.ui.tables.TableDefinition;

/**
 * The role distribution (seeds 001, 003): a system's function sections (or one section), their
 * subsections and functions, with the responsible roles and the documents.
 */
public final class RoleDistributionTable implements TableDefinition {

    @Override
    public boolean opens(EObject object) {
        return object instanceof FunctionSection
                || object instanceof QualitySystem system && !system.getSections().isEmpty();
    }

    @Override
    public List<? extends EObject> rows(EObject root) {
        return root instanceof QualitySystem system ? system.getSections() : List.of((FunctionSection) root);
    }

    /** Sections: their subsections, then their functions. */
    @Override
    public List<? extends EObject> children(EObject row) {
        if (row instanceof FunctionSection section) {
            List<EObject> children = new ArrayList<>(section.getSubsections());
            children.addAll(section.getFunctions());
            return children;
        }
        return List.of();
    }

    @Override
    public List<TableColumn> columns() {
        return List.of(new TableColumn(Messages.colFunction, 380, Cells::numberedName, "name", true),
                new TableColumn(Messages.colRoles, 260, r -> Cells.references(r, "responsibleRoles"), "responsibleRoles", false),
                new TableColumn(Messages.colDocuments, 300, r -> Cells.references(r, "documents"), "documents", false));
    }

    @Override
    public String addRowLabel() {
        return Messages.editorAddFunction;
    }

    /** A new function in the selected section (or the selected function's), else in the first section. */
    @Override
    public NewRow newRow(EditingDomain domain, EObject root, Object selected) {
        oko.model.Function function = OkoFactory.eINSTANCE.createFunction();
        function.setName(Messages.editorNewFunction);
        EObject section = selected instanceof FunctionSection s ? s
                : selected instanceof EObject o && o.eContainer() instanceof FunctionSection s ? s
                        : rows(root).isEmpty() ? null : rows(root).get(0);
        if (section == null) {
            return null;
        }
        return new NewRow(CommandLabels.add(domain, section, OkoPackage.Literals.FUNCTION_SECTION__FUNCTIONS, function),
                function);
    }
}
