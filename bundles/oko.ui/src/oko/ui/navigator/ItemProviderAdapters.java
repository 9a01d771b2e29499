package oko.ui.navigator;

import java.net.URL;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.ComposedImage;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.emf.edit.provider.ITreeItemContentProvider;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Control;

import oko.model.QualitySystem;
import oko.model.edit.ModelLabels;
import oko.model.provider.OkoItemProviderAdapterFactory;

/**
 * The few JFace adapters Oko needs instead of EMF's edit.ui (not on Maven Central): a tree
 * content provider and a label provider over the generated item providers of oko.model.edit,
 * the registers' nodes ({@link Registers}) and the quality systems arranged under their parent
 * systems ({@link #arrangeSystems}). One instance per viewer; {@link #dispose()} it
 * with the viewer.
 */
public final class ItemProviderAdapters {

    private final ComposedAdapterFactory factory = new ComposedAdapterFactory(
            List.<AdapterFactory>of(new OkoItemProviderAdapterFactory()));

    /** Disposes the item providers; call when the viewer using these adapters is disposed. */
    public void dispose() {
        factory.dispose();
    }

    /**
     * The item providers' factory (for the navigator's editing domain and property sources).
     *
     * @return the composed adapter factory over oko.model.edit's item providers
     */
    public ComposedAdapterFactory factory() {
        return factory;
    }

    private boolean groupsNamed;

    /** The systems shown under each system (those whose parent system it is), in the models' order. */
    private Map<QualitySystem, List<QualitySystem>> below = Map.of();
    /** The system each nested system is shown under. */
    private Map<QualitySystem, QualitySystem> above = Map.of();

    /**
     * Arranges the quality systems as a tree of their parent systems: a system whose
     * {@link QualitySystem#getParentSystem() parent system} is among {@code systems} is shown under
     * it (a МСОКО under its РСОКО, a school's system under its МСОКО), the others at the top level.
     * A system whose chain of parents does not end at the top (a loop the model should not have) is
     * shown at the top level too, so that every system appears exactly once.
     *
     * @param systems every quality system of the repository, in the order the navigator lists them
     * @return the systems of the top level, in that order
     */
    public List<QualitySystem> arrangeSystems(List<QualitySystem> systems) {
        java.util.Set<QualitySystem> shown = new java.util.HashSet<>(systems);
        Map<QualitySystem, List<QualitySystem>> children = new java.util.LinkedHashMap<>();
        Map<QualitySystem, QualitySystem> parents = new HashMap<>();
        List<QualitySystem> top = new java.util.ArrayList<>();
        for (QualitySystem system : systems) {
            QualitySystem parent = system.getParentSystem();
            if (parent != null && shown.contains(parent) && reachesTop(system, shown)) {
                children.computeIfAbsent(parent, p -> new java.util.ArrayList<>()).add(system);
                parents.put(system, parent);
            } else {
                top.add(system);
            }
        }
        below = children;
        above = parents;
        return top;
    }

    /** Whether the chain of the system's parents among {@code shown} ends at a system without one. */
    private static boolean reachesTop(QualitySystem system, java.util.Set<QualitySystem> shown) {
        java.util.Set<QualitySystem> seen = new java.util.HashSet<>();
        for (QualitySystem s = system; s != null && shown.contains(s); s = s.getParentSystem()) {
            if (!seen.add(s)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The systems the navigator shows directly under a system (after the last
     * {@link #arrangeSystems}).
     *
     * @param system a quality system
     * @return the systems whose parent system it is, or an empty list
     */
    public List<QualitySystem> systemsBelow(QualitySystem system) {
        return below.getOrDefault(system, List.of());
    }

    /**
     * Whether the «Реестры» nodes carry their model's name (several models in the repository).
     *
     * @param named {@code true} to name the register groups after their model root
     */
    public void setGroupsNamed(boolean named) {
        groupsNamed = named;
    }

    /**
     * Children through {@link ITreeItemContentProvider}; the input is a list of model roots (and
     * {@link Registers.Group}s).
     *
     * @return a tree content provider over the item providers and the registers' nodes
     */
    public ITreeContentProvider contentProvider() {
        return new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return input instanceof Collection<?> roots ? roots.toArray() : getChildren(input);
            }

            @Override
            public Object[] getChildren(Object parent) {
                if (parent instanceof Registers.Group group) {
                    return group.registers().toArray();
                }
                if (parent instanceof Registers.Register register) {
                    return register.objects().toArray();
                }
                ITreeItemContentProvider provider = (ITreeItemContentProvider) factory.adapt(parent,
                        ITreeItemContentProvider.class);
                Collection<?> children = provider == null ? List.of() : provider.getChildren(parent);
                if (parent instanceof QualitySystem system && !systemsBelow(system).isEmpty()) {
                    // the systems below first: a system's own contents can be long (indicators, data)
                    List<Object> all = new java.util.ArrayList<>(systemsBelow(system));
                    all.addAll(children);
                    return all.toArray();
                }
                return children.toArray();
            }

            @Override
            public Object getParent(Object element) {
                if (element instanceof Registers.Register register) {
                    return new Registers.Group(register.root(), groupsNamed);
                }
                if (element instanceof QualitySystem system) {
                    return above.get(system);
                }
                if (!(element instanceof EObject object)) {
                    return null;
                }
                Registers.Register register = Registers.registerOf(object);
                return register != null ? register : object.eContainer();
            }

            @Override
            public boolean hasChildren(Object element) {
                if (element instanceof Registers.Group) {
                    return true;
                }
                if (element instanceof Registers.Register register) {
                    return !register.objects().isEmpty();
                }
                if (element instanceof QualitySystem system && !systemsBelow(system).isEmpty()) {
                    return true;
                }
                ITreeItemContentProvider provider = (ITreeItemContentProvider) factory.adapt(element,
                        ITreeItemContentProvider.class);
                return provider != null && provider.hasChildren(element);
            }
        };
    }

    /**
     * Type and name as a methodologist says them; the item provider's icon.
     *
     * @param owner the control whose disposal frees the label provider's images
     * @return a label provider for model objects and the registers' nodes
     */
    public LabelProvider labelProvider(Control owner) {
        LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources(), owner);
        Map<Object, Image> images = new HashMap<>();
        return new LabelProvider() {
            @Override
            public String getText(Object element) {
                if (element instanceof Registers.Group group) {
                    return group.label();
                }
                if (element instanceof Registers.Register register) {
                    return register.label();
                }
                return element instanceof EObject object ? ModelLabels.label(object) : String.valueOf(element);
            }

            @Override
            public Image getImage(Object element) {
                if (element instanceof Registers.Group || element instanceof Registers.Register) {
                    return org.eclipse.ui.PlatformUI.getWorkbench().getSharedImages()
                            .getImage(org.eclipse.ui.ISharedImages.IMG_OBJ_FOLDER);
                }
                IItemLabelProvider provider = (IItemLabelProvider) factory.adapt(element, IItemLabelProvider.class);
                Object image = provider == null ? null : provider.getImage(element);
                if (image instanceof ComposedImage composed && !composed.getImages().isEmpty()) {
                    image = composed.getImages().get(0);
                }
                if (!(image instanceof URL url)) {
                    return null;
                }
                return images.computeIfAbsent(url, u -> resources.create(ImageDescriptor.createFromURL(url)));
            }
        };
    }
}
