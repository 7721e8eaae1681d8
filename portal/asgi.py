from django.core.asgi import get_asgi_application

from portal.settings import select_module

select_module()
application = get_asgi_application()
