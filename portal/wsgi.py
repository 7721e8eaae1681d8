from django.core.wsgi import get_wsgi_application

from portal.settings import select_module

select_module()
application = get_wsgi_application()
