package oko.core.internal.fixes;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.osgi.util.NLS;

import oko.core.fixes.AbstractQuickFix;
import oko.model.Document;
import oko.model.DocumentStatus;
import oko.model.InformationSystem;
import oko.model.InformationSystemKind;
import oko.model.ModelRoot;
import oko.model.OkoPackage;

/**
 * OKO-FIX-DOC-LINK: sets a published document's publication link (rule OKO-DOC-01) to the address of
 * the page where the documents are published on the official site, a value the user confirms or types.
 * Oko cannot know the address of each document on a site; it proposes the site, honestly: the issuer's
 * website when every document has the same issuer with one, else the model's information system of
 * kind «Официальные сайты» with an address (the first). The value must be an http(s) address; with no
 * value and no default there is nothing to apply.
 */
public final class PublicationLinkFix extends AbstractQuickFix<Document> {

    private static final Parameter LINK = new Parameter() {

        @Override
        public String label() {
            return Messages.fix_DOC_LINK_value;
        }

        @Override
        public String defaultValue(List<EObject> targets) {
            String issuerSite = null;
            for (EObject target : targets) {
                if (!(target instanceof Document document) || document.getIssuer() == null
                        || Fixes.blank(document.getIssuer().getWebsite())) {
                    issuerSite = null;
                    break;
                }
                String site = document.getIssuer().getWebsite().strip();
                if (issuerSite != null && !issuerSite.equals(site)) {
                    issuerSite = null;
                    break;
                }
                issuerSite = site;
            }
            if (issuerSite != null && check(issuerSite) == null) {
                return issuerSite;
            }
            ModelRoot root = targets.isEmpty() ? null : Fixes.root(targets.get(0));
            if (root != null) {
                for (InformationSystem system : root.getInformationSystems()) {
                    if (system.getKind() == InformationSystemKind.WEBSITE && !Fixes.blank(system.getUrl())
                            && check(system.getUrl().strip()) == null) {
                        return system.getUrl().strip();
                    }
                }
            }
            return null;
        }

        @Override
        public String check(String value) {
            String link = Fixes.text(value);
            if (link.isEmpty()) {
                return Messages.fix_DOC_LINK_empty;
            }
            try {
                URI uri = new URI(link);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    return null;
                }
            } catch (URISyntaxException e) {
                // told below
            }
            return NLS.bind(Messages.fix_DOC_LINK_bad, link);
        }
    };

    public PublicationLinkFix() {
        super("OKO-FIX-DOC-LINK", Document.class, "OKO-DOC-01");
    }

    @Override
    public String label() {
        return Messages.fix_DOC_LINK;
    }

    @Override
    public Parameter parameter() {
        return LINK;
    }

    @Override
    protected boolean applicable(Document document) {
        return document.getStatus() == DocumentStatus.PUBLISHED && Fixes.blank(document.getPublicationLink());
    }

    @Override
    protected void append(EditingDomain domain, Document document, Context context, CompoundCommand command,
            Set<Object> state) {
        command.append(SetCommand.create(domain, document, OkoPackage.Literals.DOCUMENT__PUBLICATION_LINK,
                context.value().strip()));
    }
}
