package oko.ui.tests;

import java.util.function.Function;
import java.util.function.Predicate;

import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;

import oko.repository.OkoRepository;
import oko.ui.RepositoryConnection;

/** The workbench's repository (the sample model) read in fresh views, for the tests' expectations. */
public final class Sample {

    private Sample() {
    }

    /** The id of the first object of the repository that passes the test. */
    public static CDOID find(Predicate<EObject> test) {
        CDOView view = RepositoryConnection.repository().orElseThrow().openView();
        try {
            for (EObject root : OkoRepository.roots(view)) {
                for (var it = root.eAllContents(); it.hasNext();) {
                    EObject object = it.next();
                    if (test.test(object)) {
                        return CDOUtil.getCDOObject(object).cdoID();
                    }
                }
            }
            throw new AssertionError("not in the sample");
        } finally {
            view.close();
        }
    }

    /** A query on the object of that id, in a fresh view. */
    public static <T> T read(CDOID id, Function<EObject, T> query) {
        CDOView view = RepositoryConnection.repository().orElseThrow().openView();
        try {
            return query.apply(view.getObject(id));
        } finally {
            view.close();
        }
    }
}
