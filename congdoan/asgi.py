"""The ASGI application gunicorn serves (deploy/gunicorn.conf.py): the WSGI stack of
congdoan/wsgi.py behind pagecache.asgi.PageCacheASGI, which answers page-cache hits in the event
loop and runs everything else, Django included, in one thread per worker process.
"""

from pagecache.asgi import PageCacheASGI

from .wsgi import application as wsgi_application

application = PageCacheASGI(wsgi_application)
