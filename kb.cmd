@echo off
rem kb launcher for Windows (cmd.exe): the same JVM options and class-data-sharing archive as ./kb.
rem In the release zip (bin\kb.cmd beside lib\kb.jar) it runs the jar as is; in a checkout it builds
rem kb-cli\target\kb.jar with the Maven wrapper when the jar is missing (after changing sources, run
rem "mvnw.cmd -B -q -DskipTests package" yourself: cmd.exe cannot compare file times the way ./kb does).
rem Java: %JAVA_HOME%\bin\java.exe when JAVA_HOME is set, else java on PATH (a JDK or JRE 17 or later).
rem KB_NO_CDS=1 turns the archive off; KB_JAVA_OPTS adds JVM options.
setlocal EnableExtensions DisableDelayedExpansion
set "KB_HERE=%~dp0"
if exist "%KB_HERE%..\lib\kb.jar" (
  set "KB_LIB=%KB_HERE%..\lib"
) else (
  set "KB_LIB=%KB_HERE%kb-cli\target"
)
set "KB_JAVA=java"
if defined JAVA_HOME set "KB_JAVA=%JAVA_HOME%\bin\java.exe"
if defined JAVA_HOME if not exist "%JAVA_HOME%\bin\java.exe" (
  echo kb: JAVA_HOME is set to "%JAVA_HOME%" but it has no bin\java.exe 1>&2
  exit /b 2
)
if not defined JAVA_HOME (
  where java >nul 2>&1
  if errorlevel 1 (
    echo kb: no Java found: install a JDK 17 or later and set JAVA_HOME, or put java on PATH 1>&2
    exit /b 2
  )
)
if not exist "%KB_LIB%\kb.jar" (
  if not exist "%KB_HERE%mvnw.cmd" (
    echo kb: %KB_LIB%\kb.jar is missing 1>&2
    exit /b 2
  )
  echo kb: building the CLI, first run... 1>&2
  pushd "%KB_HERE%"
  call mvnw.cmd -B -q -DskipTests package 1>&2
  set "KB_BUILD=%ERRORLEVEL%"
  popd
)
if defined KB_BUILD if not "%KB_BUILD%"=="0" (
  echo kb: build failed 1>&2
  exit /b 2
)

rem C1 only and the serial GC start fastest (docs/perf.md); the archive holds the classes a diagnosis loads.
set "KB_OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
if defined KB_NO_CDS goto run
rem The JVM silently ignores an archive made for another jar: rebuild it when the jar is newer (dir /o:d lists
rem the older file first, so the last name listed is the newer one).
set "KB_NEWEST=kb.jar"
if exist "%KB_LIB%\kb.jsa" for /f "delims=" %%F in ('dir /b /o:d "%KB_LIB%\kb.jar" "%KB_LIB%\kb.jsa"') do set "KB_NEWEST=%%F"
if /I "%KB_NEWEST%"=="kb.jar" (
  rem exit code 1 (a finding) is the expected outcome of this example; only a missing archive matters
  "%KB_JAVA%" %KB_OPTS% -XX:ArchiveClassesAtExit="%KB_LIB%\kb.jsa" -jar "%KB_LIB%\kb.jar" diagnose --example tls12-client-disabled-export --format json >nul 2>&1
)
if exist "%KB_LIB%\kb.jsa" set "KB_OPTS=%KB_OPTS% -XX:SharedArchiveFile="%KB_LIB%\kb.jsa" -Xshare:auto"

:run
"%KB_JAVA%" %KB_OPTS% %KB_JAVA_OPTS% -jar "%KB_LIB%\kb.jar" %*
exit /b %ERRORLEVEL%
