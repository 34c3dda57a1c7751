"""lambda-verify local bootstrap for Python functions: what the AWS Lambda Python runtime does that matters.

Started by LocalFunctionTransport with cwd = the artifact directory (the task root) and Lambda's environment.
Protocol (one process serves one invocation at a time):
  stdin:  one JSON line per invocation: {"requestId", "deadlineMs", "invokedFunctionArn", "payload": base64}
  stdout: log lines, and frames "<nonce> <TYPE> <json>" where the nonce is a per-process secret passed in
          LAMBDA_VERIFY_NONCE (removed from the environment before user code runs). TYPE is READY (after init),
          RESULT or ERROR. Anything else on stdout or stderr is a log line of the current invocation.
"""
import base64
import importlib
import importlib.machinery
import json
import logging
import os
import sys
import time
import traceback

_NONCE = os.environ.pop("LAMBDA_VERIFY_NONCE", "")
_BOOTSTRAP_DIR = os.path.dirname(os.path.abspath(__file__))

# Private copies of the protocol descriptors: user code that reads stdin or closes stdout cannot break framing.
_PROTO_OUT = os.dup(1)
_PROTO_IN = os.fdopen(os.dup(0), "rb")
_devnull = os.open(os.devnull, os.O_RDONLY)
os.dup2(_devnull, 0)
os.close(_devnull)

_current_request_id = None


class FaultException(Exception):
    def __init__(self, error_type, message, trace=None):
        super().__init__(message)
        self.error_type = error_type
        self.message = message
        self.trace = trace


def _send(frame_type, body):
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    data = ("%s %s %s\n" % (_NONCE, frame_type, json.dumps(body))).encode("utf-8")
    while data:
        data = data[os.write(_PROTO_OUT, data):]


def _log(text):
    # Lambda writes a multi-line record as one event: newlines become carriage returns on the way.
    sys.stdout.write(text.replace("\n", "\r") + "\n")
    sys.stdout.flush()


class _LambdaLogHandler(logging.Handler):
    def emit(self, record):
        try:
            _log(self.format(record))
        except Exception:
            self.handleError(record)


class _RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = _current_request_id or ""
        return True


def _install_logging():
    handler = _LambdaLogHandler()
    formatter = logging.Formatter(
        "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s", "%Y-%m-%dT%H:%M:%S")
    formatter.converter = time.gmtime
    handler.setFormatter(formatter)
    handler.addFilter(_RequestIdFilter())
    root = logging.getLogger()
    for existing in list(root.handlers):
        root.removeHandler(existing)
    root.addHandler(handler)


# What the Lambda Python runtime provides besides the standard library: the AWS SDK and its dependencies.
_RUNTIME_PROVIDED = frozenset(["boto3", "botocore", "s3transfer", "jmespath", "dateutil", "urllib3", "six"])


class _RuntimeProvidedFinder:
    """Imports only the runtime-provided packages from the interpreter's site-packages (started with -S): a
    dependency missing from the artifact fails here as on Lambda, even when it is installed on this machine."""

    def __init__(self, directories):
        self.directories = directories

    def find_spec(self, name, path=None, target=None):
        if path is None and (name in _RUNTIME_PROVIDED or _imported_by_runtime_package()):
            return importlib.machinery.PathFinder.find_spec(name, self.directories)
        return None

    def invalidate_caches(self):
        pass


def _imported_by_runtime_package():
    """Whether a runtime-provided package's own code asks (a distribution may unvendor its dependencies)."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_globals.get("__name__", "").split(".")[0] in _RUNTIME_PROVIDED:
            return True
        frame = frame.f_back
    return False


def _isolate_task_root(task_root):
    """The task root is the cwd and first import path entry; the bootstrap's own dir and the caller's cwd are not."""
    os.chdir(task_root)
    cleaned = [p for p in sys.path if p not in ("", ".", _BOOTSTRAP_DIR)]
    # Layers are what Lambda mounts at /opt: /opt/python/lib/python3.x/site-packages and /opt/python follow the
    # task root; a later layer wins over an earlier one, as its files overwrite them in /opt.
    layers = [d for d in os.environ.pop("LAMBDA_VERIFY_LAYERS", "").split(os.pathsep) if d]
    version = "python%d.%d" % sys.version_info[:2]
    opt = [os.path.join(d, "python", "lib", version, "site-packages") for d in reversed(layers)]
    opt += [os.path.join(d, "python") for d in reversed(layers)]
    sys.path[:] = [task_root] + opt + [p for p in cleaned if p != task_root]
    if sys.flags.no_site:
        import site
        sys.meta_path.append(_RuntimeProvidedFinder(site.getsitepackages()))


def _load_handler(handler_name):
    try:
        module_name, function_name = handler_name.rsplit(".", 1)
    except ValueError as e:
        raise FaultException("Runtime.MalformedHandlerName", "Bad handler '%s': %s" % (handler_name, e))
    if module_name.split(".")[0] in sys.builtin_module_names:
        raise FaultException("Runtime.BuiltInModuleConflict",
                             "Cannot use built-in module %s as a handler module" % module_name)
    try:
        module = importlib.import_module(module_name.replace("/", "."))
    except ImportError as e:
        raise FaultException("Runtime.ImportModuleError",
                             "Unable to import module '%s': %s" % (module_name, e))
    except SyntaxError as e:
        trace = ['  File "%s" Line %s\n    %s' % (e.filename, e.lineno, e.text)]
        raise FaultException("Runtime.UserCodeSyntaxError",
                             "Syntax error in module '%s': %s" % (module_name, e), trace)
    try:
        return getattr(module, function_name)
    except AttributeError:
        raise FaultException("Runtime.HandlerNotFound",
                             "Handler '%s' missing on module '%s'" % (function_name, module_name))


def _fault_result(fault):
    return {"errorMessage": fault.message, "errorType": fault.error_type, "requestId": "",
            "stackTrace": fault.trace if fault.trace is not None else []}


def _exception_result(exc):
    tb = traceback.extract_tb(exc.__traceback__)
    # Drop the bootstrap's own frames, as Lambda's trace starts in user code.
    frames = [f for f in tb if os.path.abspath(f.filename) != os.path.abspath(__file__)]
    return {"errorMessage": str(exc), "errorType": type(exc).__name__, "requestId": _current_request_id,
            "stackTrace": traceback.format_list(frames)}


def _log_error(result):
    description = "[ERROR]"
    if result.get("errorType"):
        description += " " + result["errorType"]
        if result.get("errorMessage"):
            description += ": " + result["errorMessage"]
    lines = [description]
    if result.get("stackTrace") is not None:
        lines.append("Traceback (most recent call last):")
        for element in result["stackTrace"]:
            lines.extend(element.splitlines() or [""])
    _log("\n".join(lines))


class LambdaContext:
    def __init__(self, request_id, deadline_ms, invoked_function_arn):
        self.aws_request_id = request_id
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = invoked_function_arn
        self.identity = None
        self.client_context = None
        self.tenant_id = None
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        return max(int(self._deadline_ms - time.time() * 1000), 0)

    def __repr__(self):
        return "LambdaContext([aws_request_id=%s,function_name=%s,function_version=%s])" % (
            self.aws_request_id, self.function_name, self.function_version)


def _max_memory_mb():
    # VmHWM, not ru_maxrss: on Linux the latter survives exec and would report the JVM that started us.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        import resource
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return int(peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024)
    except Exception:
        return None


def _invoke(handler, request):
    global _current_request_id
    _current_request_id = request["requestId"]
    os.environ["_X_AMZN_TRACE_ID"] = request.get("traceId", "")
    try:
        try:
            event = json.loads(base64.b64decode(request["payload"]) or b"null")
        except ValueError as e:
            raise FaultException("Runtime.UnmarshalError", "Unable to unmarshal input: %s" % e)
        context = LambdaContext(request["requestId"], request["deadlineMs"], request.get("invokedFunctionArn"))
        result = handler(event, context)
        try:
            payload = json.dumps(result)
        except (TypeError, ValueError) as e:
            raise FaultException("Runtime.MarshalError", "Unable to marshal response: %s" % e)
        _send("RESULT", {"payload": payload, "maxMemoryMb": _max_memory_mb()})
    except FaultException as fault:
        error = _fault_result(fault)
        error["requestId"] = _current_request_id
        _log_error(error)
        _send("ERROR", {"error": error, "maxMemoryMb": _max_memory_mb()})
    except Exception as exc:
        error = _exception_result(exc)
        _log_error(error)
        _send("ERROR", {"error": error, "maxMemoryMb": _max_memory_mb()})


def main():
    global _current_request_id
    _isolate_task_root(os.environ["LAMBDA_TASK_ROOT"])
    _install_logging()
    started = time.monotonic()
    handler, init_fault = None, None
    try:
        handler = _load_handler(os.environ.get("_HANDLER", ""))
    except FaultException as fault:
        init_fault = fault
    init_ms = (time.monotonic() - started) * 1000.0
    _send("READY", {"initDurationMs": init_ms})
    for line in _PROTO_IN:
        if not line.strip():
            continue
        request = json.loads(line)
        if init_fault is not None:
            # As on Lambda, a failed init fails the invocation; the sandbox is then discarded.
            _current_request_id = request["requestId"]
            error = _fault_result(init_fault)
            _log_error(error)
            _send("ERROR", {"error": error, "fatal": True, "maxMemoryMb": _max_memory_mb()})
            return 0
        _invoke(handler, request)
        _current_request_id = None
    return 0


if __name__ == "__main__":
    sys.exit(main())
