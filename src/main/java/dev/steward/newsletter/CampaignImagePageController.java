package dev.steward.newsletter;

import dev.steward.platform.ConsoleWords;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.InvalidInputException;
import dev.steward.staff.Permission;
import dev.steward.staff.Requires;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A campaign's pictures in the console: the form on the campaign's page attaches one to the draft, each listed
 * picture can be deleted, and the page shows them from here, behind the console's sign-in: a picture has no public
 * address before or after the campaign goes.
 */
@Controller
@Requires(Permission.READ_CAMPAIGNS)
class CampaignImagePageController {

    private final CampaignImages images;
    private final ConsoleWords console;
    private final ErrorWords errorWords;

    CampaignImagePageController(CampaignImages images, ConsoleWords console, ErrorWords errorWords) {
        this.images = images;
        this.console = console;
        this.errorWords = errorWords;
    }

    @PostMapping("/admin/campaigns/{id}/images")
    @Requires(Permission.SEND_CAMPAIGNS)
    String attach(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String name,
            RedirectAttributes redirect) {
        try {
            CampaignImage image = images.attach(
                    id, name, file == null ? null : file.getOriginalFilename(), CampaignImageApiController.bytes(file));
            redirect.addFlashAttribute("done", console.get("console.campaign.images.attached", image.markdown()));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", errorWords.byField(e));
        } catch (CampaignImages.NotADraft e) {
            redirect.addFlashAttribute("errors", Map.of("status", errorWords.text(e.error())));
        }
        return "redirect:/admin/campaigns/" + id + "#images-heading";
    }

    @PostMapping("/admin/campaigns/{id}/images/{name}/delete")
    @Requires(Permission.SEND_CAMPAIGNS)
    String delete(@PathVariable UUID id, @PathVariable String name, RedirectAttributes redirect) {
        try {
            images.delete(id, name);
            redirect.addFlashAttribute("done", console.get("console.campaign.images.deleted", name));
        } catch (CampaignImages.NotADraft e) {
            redirect.addFlashAttribute("errors", Map.of("status", errorWords.text(e.error())));
        }
        return "redirect:/admin/campaigns/" + id + "#images-heading";
    }

    @GetMapping("/admin/campaigns/{id}/images/{name}")
    ResponseEntity<byte[]> read(@PathVariable UUID id, @PathVariable String name) {
        return CampaignImageApiController.picture(images.read(id, name));
    }
}
