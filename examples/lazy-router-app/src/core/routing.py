"""Routers, and the lazy map that imports a router module on its first request.

The lazy map is the incident's design: cold starts stay short because only the routers a request needs are
imported. Its weakness is that a wrong module path only fails when a request reaches that router.
"""
import importlib
import re
import threading


class Route:
    def __init__(self, method, pattern, func, public):
        self.method = method
        self.func = func
        self.public = public
        regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", pattern)
        self.regex = re.compile("^" + regex + "$")


class Router:
    def __init__(self, tag):
        self.tag = tag
        self.routes = []

    def route(self, method, pattern, public=False):
        def register(func):
            self.routes.append(Route(method, pattern, func, public))
            return func
        return register

    def get(self, pattern, public=False):
        return self.route("GET", pattern, public)

    def post(self, pattern, public=False):
        return self.route("POST", pattern, public)

    def match(self, method, subpath):
        """(route, params) for the request, ("method-not-allowed", None) or (None, None)."""
        path_matched = False
        for route in self.routes:
            m = route.regex.match(subpath)
            if m:
                path_matched = True
                if route.method == method:
                    return route, m.groupdict()
        return ("method-not-allowed", None) if path_matched else (None, None)


class LazyRouters:
    """Router name -> module path; the module is imported on first use and cached, as on a warm Lambda."""

    def __init__(self, modules, eager=None):
        self._modules = dict(modules)
        self._loaded = dict(eager or {})
        self._lock = threading.Lock()

    def names(self):
        return sorted(set(self._modules) | set(self._loaded))

    def get(self, name):
        router = self._loaded.get(name)
        if router is not None:
            return router
        module_path = self._modules.get(name)
        if module_path is None:
            return None
        with self._lock:
            router = importlib.import_module(module_path).router
            self._loaded[name] = router
            return router
