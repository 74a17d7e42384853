"""The editor form of a post: checks the required-image rule when the writer submits or publishes."""

from vietnamese.pages import AsciiSlugPageForm

from .rules import ImageSlot, image_problems

# Buttons of Wagtail's page editor that send a post on its way (see wagtail.admin.views.pages.edit).
SENDING_ACTIONS = ("action-publish", "action-submit", "action-restart-workflow", "action-workflow-action")


class PostPageForm(AsciiSlugPageForm):
    def is_sending(self) -> bool:
        return any(self.data.get(action) for action in SENDING_ACTIONS)

    def image_slots(self) -> list[ImageSlot]:
        formset = self.formsets.get("images")
        if formset is None:
            return []
        slots = []
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE"):
                continue
            slots.append(ImageSlot(data.get("image") is not None, data.get("caption") or ""))
        return slots

    def _post_clean(self):
        # PostPage.clean() checks the images saved with the page (for saves outside this form),
        # but the images being edited are in this form's formset, checked in is_valid() below.
        # A new page is `live` until the create view saves it, so without this every new post
        # failed the model's check, even a draft with a photo.
        live = self.instance.live
        self.instance.live = False
        try:
            super()._post_clean()
        finally:
            self.instance.live = live

    def is_valid(self):
        # The image formset is cleaned after the form itself, so the rule runs here.
        valid = super().is_valid()
        if valid and self.is_sending():
            problems = image_problems(self.image_slots())
            for problem in problems:
                self.add_error(None, problem)
            valid = not problems
        return valid
