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

rem C1 only and the serial GC start fastest (docs/perf.md). Like ./kb, each JDK gets its own archive of the
rem classes a diagnosis loads: JDK 25 and later an ahead-of-time cache (-XX:AOTCache), older ones a CDS archive.
rem Reflection through native accessors: JDK 18+ spins a method handle on each method's first Method.invoke,
rem which a cold JSON report paid per record component; JDK 17 ignores the property (docs/perf.md).
set "KB_OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djdk.reflect.useNativeAccessorOnly=true"
if defined KB_NO_CDS goto run
rem The feature version comes from the JDK's release file (JAVA_VERSION="25.0.1"), so no extra JVM start.
rem "if not defined" is evaluated per line of output, so the first java that "where" lists wins.
set "KB_JAVA_EXE="
if /I not "%KB_JAVA%"=="java" set "KB_JAVA_EXE=%KB_JAVA%"
if not defined KB_JAVA_EXE for /f "delims=" %%P in ('where java 2^>nul') do if not defined KB_JAVA_EXE set "KB_JAVA_EXE=%%P"
set "KB_JV="
set "KB_JDK="
if defined KB_JAVA_EXE for %%J in ("%KB_JAVA_EXE%") do set "KB_JDK=%%~dpJ.."
if defined KB_JDK if exist "%KB_JDK%\release" for /f "usebackq tokens=1,2 delims==" %%K in ("%KB_JDK%\release") do if "%%K"=="JAVA_VERSION" set "KB_JV=%%~L"
if defined KB_JV for /f "delims=." %%M in ("%KB_JV%") do set "KB_JV=%%M"
set "KB_ARCHIVE=kb-jdk%KB_JV%.jsa"
set "KB_MAKE=-XX:ArchiveClassesAtExit"
set "KB_USE=-XX:SharedArchiveFile="%KB_LIB%\kb-jdk%KB_JV%.jsa" -Xshare:auto -Xlog:cds=off,cds+dynamic=off"
if defined KB_JV if %KB_JV% GEQ 25 (
  set "KB_ARCHIVE=kb-jdk%KB_JV%.aot"
  set "KB_MAKE=-XX:AOTCacheOutput"
  set "KB_USE=-XX:AOTCache="%KB_LIB%\kb-jdk%KB_JV%.aot" -Xlog:aot=off,cds=off"
)
rem The JVM silently ignores an archive made for another jar: rebuild it when the jar is newer (dir /o:d lists
rem the older file first, so the last name listed is the newer one).
set "KB_NEWEST=kb.jar"
if exist "%KB_LIB%\%KB_ARCHIVE%" for /f "delims=" %%F in ('dir /b /o:d "%KB_LIB%\kb.jar" "%KB_LIB%\%KB_ARCHIVE%"') do set "KB_NEWEST=%%F"
if /I "%KB_NEWEST%"=="kb.jar" (
  rem exit code 1 (a finding) is the expected outcome of this example; only a missing archive matters
  "%KB_JAVA%" %KB_OPTS% %KB_MAKE%="%KB_LIB%\%KB_ARCHIVE%" -jar "%KB_LIB%\kb.jar" diagnose --example tls12-client-disabled-export --format json >nul 2>&1
)
if exist "%KB_LIB%\%KB_ARCHIVE%" set "KB_OPTS=%KB_OPTS% %KB_USE%"

:run
rem Java cannot ask the console for its width; "mode con" can. Its second "name: value" line is Columns in
rem every language (Lines comes first), and set /a keeps it only when it is a number. Java uses it only when
rem stdout is a console, so redirected output still wraps at 80 as it does from ./kb. No mode.com: no width.
set "KB_COLS="
set "KB_LINES="
set "KB_WIDTH="
for /f "tokens=1,* delims=:" %%A in ('mode con 2^>nul') do call :kb_mode_value "%%B"
if defined KB_COLS set /a "KB_WIDTH=KB_COLS" >nul 2>&1
if defined KB_WIDTH if %KB_WIDTH% GTR 0 set "KB_OPTS=%KB_OPTS% -Dkb.columns=%KB_WIDTH%"
"%KB_JAVA%" %KB_OPTS% %KB_JAVA_OPTS% -jar "%KB_LIB%\kb.jar" %*
exit /b %ERRORLEVEL%

rem One "name: value" line of "mode con" (the value quoted, empty for its heading): the first value is Lines, the
rem second Columns. A subroutine, because Wine's cmd runs no nested if/else or block inside "for /f ... do".
:kb_mode_value
if "%~1"=="" goto :eof
if defined KB_LINES if not defined KB_COLS set "KB_COLS=%~1"
if not defined KB_LINES set "KB_LINES=%~1"
goto :eof
