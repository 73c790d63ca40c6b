"""The code that runs next to a student's code: the trust boundary, as a folder.

Everything in this subpackage is imported inside the worker process (and the sandbox mounts this
folder and nothing else of the package): the request loop (`serve`), the channel (`protocol`), the
description of a failure (`failures`), the functions graders send as data (`callables`), framework
objects as data (`frameworks`) and the trusted probes (`probes`).  It imports only the standard
library, NumPy and its own modules, never the graders, the catalogues or `solutions/`.
"""
