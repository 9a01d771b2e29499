package oko.diagram.ui.internal;

import org.eclipse.emf.cdo.common.id.CDOID;

import oko.ui.editors.RepositoryEditorInput;

/** A stored diagram of the repository, by its CDO id. */
public final class DiagramEditorInput extends RepositoryEditorInput {

    public DiagramEditorInput(CDOID id, String name) {
        super(id, name);
    }
}
