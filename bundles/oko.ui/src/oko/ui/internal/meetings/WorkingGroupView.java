package oko.ui.internal.meetings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.eclipse.core.runtime.ILog;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.cdo.view.CDOViewInvalidationEvent;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.net4j.util.event.IListener;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

import oko.core.meetings.MeetingRules;
import oko.model.Meeting;
import oko.model.WorkingGroup;
import oko.model.edit.ModelLabels;
import oko.repository.OkoRepository;
import oko.ui.RepositoryConnection;
import oko.ui.editors.ObjectEditors;

/**
 * «Рабочая группа»: the working groups of the repository's systems, each with the meetings held
 * this year against the rules' minimum, and their meetings with date, place, quorum and state on
 * today (planned / protocol due / protocol overdue / protocol done, {@link MeetingRules#state}).
 * Double click opens a meeting in its editor. It follows the repository: its view is refreshed
 * when a commit (of this client or another) changes it. Commands act on its selection; they are
 * contributed to {@code toolbar:oko.ui.views.workingGroup} and {@code popup:oko.ui.views.workingGroup}
 * («Сформировать протокол»).
 */
public final class WorkingGroupView extends ViewPart {

    /** The view's id, also its tool bar's and context menu's. */
    public static final String ID = "oko.ui.views.workingGroup";

    private TreeViewer viewer;
    private CDOView view;
    private Color red;
    private Color green;
    private final IListener invalidations = event -> {
        if (event instanceof CDOViewInvalidationEvent) {
            refreshLater();
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        red = new Color(180, 0, 0);
        green = new Color(0, 110, 0);
        viewer = new TreeViewer(parent, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((List<?>) input).toArray();
            }

            @Override
            public Object[] getChildren(Object parentElement) {
                return parentElement instanceof WorkingGroup group ? group.getMeetings().toArray() : new Object[0];
            }

            @Override
            public Object getParent(Object element) {
                return element instanceof EObject object ? object.eContainer() : null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return element instanceof WorkingGroup group && !group.getMeetings().isEmpty();
            }
        });
        column(Messages.viewGroup, 360, this::name);
        column(Messages.viewDate, 90, e -> e instanceof Meeting m ? MeetingTexts.date(m.getDate()) : "");
        column(Messages.viewState, 420, this::state);
        column(Messages.viewQuorum, 260, e -> e instanceof Meeting m && m.getStatus() == oko.model.MeetingStatus.HELD
                ? MeetingTexts.quorum(m) : "");
        column(Messages.viewPlace, 200, e -> e instanceof Meeting m && m.getPlace() != null ? m.getPlace() : "");
        viewer.addDoubleClickListener(event -> {
            Object element = viewer.getStructuredSelection().getFirstElement();
            if (element instanceof Meeting meeting) {
                open(meeting);
            } else if (element != null) {
                viewer.setExpandedState(element, !viewer.getExpandedState(element));
            }
        });
        getSite().setSelectionProvider(viewer);
        MenuManager menu = new MenuManager("#PopupMenu");
        menu.add(new org.eclipse.jface.action.Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        getSite().registerContextMenu(ID, menu, viewer);
        viewer.setInput(List.of(Messages.viewConnecting));
        RepositoryConnection.whenConnected(this::show);
    }

    private void column(String title, int width, Function<Object, String> text) {
        TreeViewerColumn column = new TreeViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.getColumn().setResizable(true);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(element);
            }

            @Override
            public String getToolTipText(Object element) {
                String shown = getText(element);
                return shown.isEmpty() ? null : shown;
            }

            @Override
            public Color getForeground(Object element) {
                return color(element);
            }
        });
    }

    private String name(Object element) {
        if (element instanceof EObject object) {
            return ModelLabels.label(object);
        }
        return String.valueOf(element);
    }

    private String state(Object element) {
        if (element instanceof Meeting meeting) {
            return MeetingTexts.state(meeting, LocalDate.now());
        }
        if (element instanceof WorkingGroup group) {
            int year = LocalDate.now().getYear();
            return MeetingTexts.computed(() -> {
                MeetingRules.YearCount count = MeetingRules.meetingsHeld(group, year);
                return Messages.bind(Messages.heldLine, new Object[] { Integer.toString(year), count.held(), count.minimum(),
                        count.enough() ? Messages.heldEnough : Messages.heldTooFew });
            });
        }
        return "";
    }

    private Color color(Object element) {
        try {
            if (element instanceof Meeting meeting) {
                return switch (MeetingRules.state(meeting, LocalDate.now())) {
                case PROTOCOL_OVERDUE, DATE_PASSED -> red;
                case PROTOCOL_DONE -> green;
                default -> null;
                };
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    private void show(OkoRepository repository) {
        Display display = viewer.getControl().getDisplay();
        display.asyncExec(() -> {
            if (viewer.getControl().isDisposed()) {
                return;
            }
            view = repository.openView();
            view.addListener(invalidations);
            viewer.setInput(groups());
            viewer.expandAll();
        });
    }

    /** The working groups of every system of every model, in the repository's order. */
    private List<Object> groups() {
        List<Object> groups = new ArrayList<>();
        for (EObject root : OkoRepository.roots(view)) {
            for (var it = root.eAllContents(); it.hasNext();) {
                EObject object = it.next();
                if (object instanceof WorkingGroup group) {
                    groups.add(group);
                    it.prune();
                }
            }
        }
        return groups.isEmpty() ? List.of(Messages.viewNoGroups) : groups;
    }

    private void refreshLater() {
        Display display = viewer.getControl().getDisplay();
        display.asyncExec(this::refresh);
    }

    /** Shows the repository's current state again, keeping what was open and selected. */
    public void refresh() {
        if (viewer.getControl().isDisposed() || view == null || view.isClosed()) {
            return;
        }
        Object[] expanded = viewer.getExpandedElements();
        var selection = viewer.getStructuredSelection();
        viewer.setInput(groups());
        viewer.setExpandedElements(expanded);
        viewer.setSelection(selection, true);
    }

    private void open(Meeting meeting) {
        try {
            ObjectEditors.open(getSite().getPage(), meeting);
        } catch (PartInitException e) {
            ILog.of(WorkingGroupView.class).log(e.getStatus());
            org.eclipse.jface.dialogs.ErrorDialog.openError(getSite().getShell(), null,
                    Messages.bind(Messages.openFailed, ModelLabels.label(meeting), e.getMessage()), e.getStatus());
        }
    }

    /** The tree, for tests. */
    public TreeViewer viewer() {
        return viewer;
    }

    /** The rows shown (groups and their meetings, depth first), every column's text; for tests. */
    public List<List<String>> rows() {
        return Rows.of(viewer.getTree());
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (view != null && !view.isClosed()) {
            view.removeListener(invalidations);
            view.close();
        }
        if (red != null) {
            red.dispose();
            green.dispose();
        }
        super.dispose();
    }
}
