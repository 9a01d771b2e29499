package oko.ui.internal.properties;

import java.text.DateFormat;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.IItemPropertySource;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.jface.viewers.ICellEditorValidator;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;

import oko.core.modules.SystemTemplates;
import oko.model.Level;
import oko.model.OkoPackage;
import oko.model.QualitySystem;
import oko.model.edit.ModelLabels;
import oko.ui.internal.Messages;

/**
 * The Properties view's source for a model object, from its item provider's property
 * descriptors (what EMF's edit.ui PropertySource does; edit.ui is not available here). With an
 * editing domain, values are edited through commands (undoable in the editor); without one —
 * objects of a read-only view, e.g. the navigator's — the properties are shown only.
 * <p>
 * Cell editors: one line of text for strings and numbers (checked as they are typed), a list
 * for enums, booleans and single references (the descriptor's choices), a date as dd.mm.yyyy.
 * Many-valued references are shown as a list of names and chosen in {@link ReferenceChooserDialog}.
 */
public final class ItemPropertySource implements IPropertySource {

    /** String features that hold paragraphs rather than a line. */
    private static final java.util.Set<String> LONG_TEXTS = java.util.Set.of("description", "text", "criteria",
            "action", "coordinatorDuty", "executorsDuty", "operatorDuty", "content", "result", "problem", "template",
            "effectiveness", "responsibleText", "sources", "collectionMethod");

    private final EObject object;
    private final IItemPropertySource source;
    private final EditingDomain domain;

    public ItemPropertySource(EObject object, AdapterFactory factory, EditingDomain domain) {
        this.object = object;
        this.source = (IItemPropertySource) factory.adapt(object, IItemPropertySource.class);
        this.domain = domain;
    }

    @Override
    public Object getEditableValue() {
        return object;
    }

    @Override
    public IPropertyDescriptor[] getPropertyDescriptors() {
        if (source == null) {
            return new IPropertyDescriptor[0];
        }
        List<IPropertyDescriptor> descriptors = new ArrayList<>();
        for (IItemPropertyDescriptor item : source.getPropertyDescriptors(object)) {
            descriptors.add(new Descriptor(item));
        }
        return descriptors.toArray(IPropertyDescriptor[]::new);
    }

    private IItemPropertyDescriptor item(Object id) {
        return source.getPropertyDescriptor(object, id);
    }

    @Override
    public Object getPropertyValue(Object id) {
        IItemPropertyDescriptor item = item(id);
        Object feature = item.getFeature(object);
        Object value = feature instanceof EStructuralFeature f ? object.eGet(f) : item.getPropertyValue(object);
        return value;
    }

    @Override
    public boolean isPropertySet(Object id) {
        return item(id).isPropertySet(object);
    }

    @Override
    public void resetPropertyValue(Object id) {
        // not offered: "restore default" makes little sense for these models
    }

    @Override
    public void setPropertyValue(Object id, Object value) {
        if (domain == null) {
            return;
        }
        IItemPropertyDescriptor item = item(id);
        EStructuralFeature feature = (EStructuralFeature) item.getFeature(object);
        Object old = object.eGet(feature);
        if (value == null ? old == null : value.equals(old)) {
            return;
        }
        domain.getCommandStack().execute(new PropertyCommand(object, feature,
                oko.model.edit.CommandLabels.set(domain, object, feature, value)));
    }

    /** A property's change as the Properties view makes it: which object and feature (for a commit comment). */
    public static final class PropertyCommand extends org.eclipse.emf.common.command.CommandWrapper {
        private final EObject owner;
        private final EStructuralFeature feature;

        PropertyCommand(EObject owner, EStructuralFeature feature, org.eclipse.emf.common.command.Command command) {
            super(command);
            this.owner = owner;
            this.feature = feature;
        }

        public EObject owner() {
            return owner;
        }

        public EStructuralFeature feature() {
            return feature;
        }
    }

    /**
     * Narrows the choices where the model allows more than makes sense: a quality system's system above
     * ({@code parentSystem}) is one of the next level up — a regional system for a municipal one, a
     * municipal system for a school's, none for a region (as {@code ./oko new --parent} and
     * {@code ./oko system parent} check). The current value stays, so the list shows it.
     */
    private void fitting(EStructuralFeature feature, List<Object> values) {
        if (feature == OkoPackage.Literals.QUALITY_SYSTEM__PARENT_SYSTEM && object instanceof QualitySystem system) {
            Level above = system.getLevel() == null ? null : SystemTemplates.levelAbove(system.getLevel());
            Object current = object.eGet(feature);
            // the empty choice goes too: it comes back first, as for any optional reference
            values.removeIf(v -> v == null || v != current
                    && !(v instanceof QualitySystem s && s != system && above != null && s.getLevel() == above));
        }
    }

    /** Text of a value for the Properties view. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof EObject eObject) {
            return ModelLabels.label(eObject);
        }
        if (value instanceof Collection<?> list) {
            List<String> texts = new ArrayList<>();
            list.forEach(v -> texts.add(text(v)));
            return String.join("; ", texts);
        }
        if (value instanceof Date date) {
            return DateFormat.getDateInstance(DateFormat.MEDIUM, Locale.getDefault()).format(date);
        }
        if (value instanceof Boolean flag) {
            return flag ? Messages.propertyYes : Messages.propertyNo;
        }
        if (value instanceof Enumerator enumerator) {
            return enumerator.getName();
        }
        return value.toString().replace('\n', ' ');
    }

    private final class Descriptor extends PropertyDescriptor {
        private final IItemPropertyDescriptor item;

        Descriptor(IItemPropertyDescriptor item) {
            super(item.getId(object), item.getDisplayName(object));
            this.item = item;
            setDescription(item.getDescription(object));
            setCategory(item.getCategory(object));
            IItemLabelProvider labels = item.getLabelProvider(object);
            setLabelProvider(new LabelProvider() {
                @Override
                public String getText(Object element) {
                    if (element instanceof Enumerator || element instanceof Boolean) {
                        return labels.getText(element);
                    }
                    return text(element);
                }
            });
        }

        @Override
        public CellEditor createPropertyEditor(Composite parent) {
            if (domain == null || !item.canSetProperty(object)) {
                return null;
            }
            Object feature = item.getFeature(object);
            if (feature instanceof org.eclipse.emf.ecore.EReference reference && reference.isMany()) {
                return new ReferencesCellEditor(parent, reference, item);
            }
            if (!(feature instanceof EStructuralFeature structural) || structural.isMany()) {
                return null;
            }
            Collection<?> choices = item.getChoiceOfValues(object);
            if (choices != null || structural.getEType().getInstanceClass() == boolean.class
                    || structural.getEType().getInstanceClass() == Boolean.class) {
                List<Object> values = new ArrayList<>();
                if (choices != null) {
                    values.addAll(choices);
                    fitting(structural, values);
                } else {
                    values.addAll(List.of(Boolean.TRUE, Boolean.FALSE));
                }
                if (!structural.isRequired() && !values.contains(null) && !(structural.getEType().getInstanceClass() == boolean.class)) {
                    values.add(0, null);
                }
                IItemLabelProvider labels = item.getLabelProvider(object);
                String[] texts = values.stream().map(v -> v == null ? "" : v instanceof EObject e
                        ? ModelLabels.label(e) : labels.getText(v)).toArray(String[]::new);
                return new ComboBoxCellEditor(parent, texts, SWT.READ_ONLY) {
                    @Override
                    protected Object doGetValue() {
                        int index = (Integer) super.doGetValue();
                        return index < 0 ? object.eGet(structural) : values.get(index);
                    }

                    @Override
                    protected void doSetValue(Object value) {
                        super.doSetValue(Math.max(0, values.indexOf(value)));
                    }
                };
            }
            if (structural instanceof EAttribute attribute) {
                if (attribute.getEAttributeType().getInstanceClass() == String.class && multiLine(attribute)) {
                    return new LongTextCellEditor(parent, item.getDisplayName(object));
                }
                return textEditor(parent, attribute.getEAttributeType());
            }
            return null;
        }

        /** Texts of the documents' cells and descriptions: edited in a multi-line box. */
        private boolean multiLine(EAttribute attribute) {
            Object value = object.eGet(attribute);
            return item.isMultiLine(object) || LONG_TEXTS.contains(attribute.getName())
                    || value instanceof String text && (text.contains("\n") || text.length() > 80);
        }

        private CellEditor textEditor(Composite parent, EDataType type) {
            boolean isDate = type.getInstanceClass() == Date.class;
            DateFormat dates = new java.text.SimpleDateFormat("dd.MM.yyyy");
            TextCellEditor editor = new TextCellEditor(parent) {
                @Override
                protected Object doGetValue() {
                    String text = ((String) super.doGetValue()).strip();
                    if (text.isEmpty()) {
                        return type.getInstanceClass() == String.class ? "" : null;
                    }
                    try {
                        return isDate ? dates.parse(text) : EcoreUtil.createFromString(type, text);
                    } catch (ParseException | RuntimeException e) {
                        return null;
                    }
                }

                @Override
                protected void doSetValue(Object value) {
                    super.doSetValue(value == null ? "" : isDate ? dates.format((Date) value)
                            : value instanceof String s ? s : EcoreUtil.convertToString(type, value));
                }
            };
            editor.setValidator(new ICellEditorValidator() {
                @Override
                public String isValid(Object value) {
                    String text = value == null ? "" : value.toString().strip();
                    if (text.isEmpty() || type.getInstanceClass() == String.class) {
                        return null;
                    }
                    try {
                        if (isDate) {
                            dates.parse(text);
                        } else {
                            EcoreUtil.createFromString(type, text);
                        }
                        return null;
                    } catch (ParseException | RuntimeException e) {
                        return Messages.bind(Messages.propertyBadValue, text);
                    }
                }
            });
            return editor;
        }
    }

    /** A many-valued reference: the button opens the chooser over the descriptor's choices. */
    private final class ReferencesCellEditor extends org.eclipse.jface.viewers.DialogCellEditor {
        private final org.eclipse.emf.ecore.EReference reference;
        private final IItemPropertyDescriptor item;

        ReferencesCellEditor(Composite parent, org.eclipse.emf.ecore.EReference reference, IItemPropertyDescriptor item) {
            super(parent);
            this.reference = reference;
            this.item = item;
        }

        @Override
        protected void updateContents(Object value) {
            if (getDefaultLabel() != null) {
                getDefaultLabel().setText(text(value));
            }
        }

        @Override
        protected Object openDialogBox(org.eclipse.swt.widgets.Control window) {
            Collection<?> choices = item.getChoiceOfValues(object);
            ReferenceChooserDialog dialog = ReferenceChooserDialog.of(window.getShell(), object, reference,
                    choices == null ? List.of() : choices);
            return dialog.open() == org.eclipse.jface.window.Window.OK ? dialog.result() : null;
        }
    }

    /** A cell editor whose button opens a multi-line text box for the value. */
    private static final class LongTextCellEditor extends org.eclipse.jface.viewers.DialogCellEditor {
        private final String title;

        LongTextCellEditor(Composite parent, String title) {
            super(parent);
            this.title = title;
        }

        @Override
        protected Object openDialogBox(org.eclipse.swt.widgets.Control window) {
            String current = getValue() == null ? "" : getValue().toString();
            java.util.concurrent.atomic.AtomicReference<String> result = new java.util.concurrent.atomic.AtomicReference<>();
            org.eclipse.jface.dialogs.Dialog dialog = new org.eclipse.jface.dialogs.Dialog(window.getShell()) {
                private org.eclipse.swt.widgets.Text text;

                @Override
                protected void configureShell(org.eclipse.swt.widgets.Shell shell) {
                    super.configureShell(shell);
                    shell.setText(title);
                }

                @Override
                protected boolean isResizable() {
                    return true;
                }

                @Override
                protected org.eclipse.swt.widgets.Control createDialogArea(Composite area) {
                    Composite composite = (Composite) super.createDialogArea(area);
                    text = new org.eclipse.swt.widgets.Text(composite,
                            SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
                    text.setText(current);
                    org.eclipse.swt.layout.GridData data = new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.FILL, true,
                            true);
                    data.widthHint = 560;
                    data.heightHint = 220;
                    text.setLayoutData(data);
                    return composite;
                }

                @Override
                protected void okPressed() {
                    result.set(text.getText());
                    super.okPressed();
                }
            };
            return dialog.open() == org.eclipse.jface.window.Window.OK ? result.get() : null;
        }
    }
}
