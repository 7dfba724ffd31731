from .conf import base_template


def participation(request):
    """`participation_base_template`, which participation's templates extend: `{% extends %}`
    must be a template's first tag, so the name cannot come from a template tag."""
    return {"participation_base_template": base_template()}
