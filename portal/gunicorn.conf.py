"""gunicorn settings for `make run` (and the benchmarks): the access log without query strings."""

logger_class = "portal.accesslog.PrivacyLogger"
access_log_format = '%(h)s - - %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms'
