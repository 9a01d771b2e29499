package oko.repository.internal;

import org.eclipse.emf.cdo.server.db.mapping.IClassMapping;
import org.eclipse.emf.cdo.server.db.mapping.IListMapping;
import org.eclipse.emf.cdo.server.internal.db.mapping.horizontal.HorizontalAuditMappingStrategy;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EStructuralFeature;

/**
 * CDO's horizontal audit mapping (the same tables, columns and rows as
 * {@code CDODBUtil.createHorizontalMappingStrategy(true, false)}) whose class and list mappings
 * write new revisions with batched statements ({@link BulkClassMapping}, {@link BulkListMapping})
 * when the store's accessor is a {@link BulkAccessor}, and read many revisions of a class with one
 * query per table ({@link BulkClassMapping#readCurrent}). Feature maps keep CDO's own mapping.
 */
public final class BulkMappingStrategy extends HorizontalAuditMappingStrategy {

    @Override
    protected IClassMapping doCreateClassMapping(EClass eClass) {
        return new BulkClassMapping(this, eClass);
    }

    @Override
    public IListMapping doCreateListMapping(EClass containingClass, EStructuralFeature feature) {
        return new BulkListMapping(this, containingClass, feature);
    }
}
