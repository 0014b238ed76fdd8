//! A todo API on its first day, as the guide's "a new API in ten minutes" builds it: axum,
//! utoipa and tracing, an in-memory store, eight declared errors (one converted `from` the
//! store's own error, five answering axum's rejections) and its OpenAPI document at
//! `/openapi.json`.
//!
//! `cargo run -p errwire-tests --example todo_api -- 127.0.0.1:8080`

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::routing::get;
use errwire::ApiError;
use errwire::axum::{Json, Negotiation, Path, Query, Rejection, RejectionKind, Rejections};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

/// Every error the API answers with, in RFC 9457 problem details (or Djblets' format is a
/// `format = "djblets"` away).
#[derive(Debug, ApiError)]
#[api_error(format = "problem")]
pub enum TodoError {
    /// No todo has the id asked for.
    #[api_error(
        code = 1,
        http = 404,
        title = "Todo not found",
        message = "No todo has id {id}"
    )]
    NotFound {
        #[api_error(extra)]
        id: u64,
    },
    /// Another todo has the title.
    #[api_error(
        code = 2,
        http = 409,
        title = "Duplicate todo",
        message = "A todo is already titled {title:?}"
    )]
    Duplicate {
        #[api_error(extra, rename = "todo_title")]
        title: String,
    },
    /// A todo needs a title.
    #[api_error(
        code = 3,
        http = 422,
        title = "Invalid todo",
        message = "The title is empty"
    )]
    EmptyTitle,
    /// The request's body, query or path could not be read (axum's text is the detail).
    #[api_error(
        code = 4,
        http = 400,
        title = "Malformed request",
        message = "The request could not be read"
    )]
    Malformed {
        #[api_error(detail)]
        detail: String,
    },
    /// The body is over the limit.
    #[api_error(
        code = 5,
        http = 413,
        title = "Request too large",
        message = "The body is over 1 KiB"
    )]
    TooLarge,
    /// No route has the path.
    #[api_error(
        code = 6,
        http = 404,
        title = "No such endpoint",
        message = "No such endpoint"
    )]
    UnknownRoute {
        #[api_error(detail)]
        detail: String,
    },
    /// The route does not take the method.
    #[api_error(
        code = 7,
        http = 405,
        title = "Method not allowed",
        message = "Method not allowed"
    )]
    WrongMethod {
        #[api_error(detail)]
        detail: String,
    },
    /// The store failed: the cause is logged with an incident id, which the body carries.
    #[api_error(
        code = 8,
        http = 503,
        title = "Store unavailable",
        message = "The store is unavailable"
    )]
    StoreUnavailable(#[api_error(from)] StoreError),
}

/// What a rejection of axum becomes.
pub fn rejected(rejection: &Rejection) -> TodoError {
    let detail = rejection.detail.clone();
    match rejection.kind {
        RejectionKind::NotFound => TodoError::UnknownRoute { detail },
        RejectionKind::MethodNotAllowed => TodoError::WrongMethod { detail },
        RejectionKind::BodyTooLarge => TodoError::TOO_LARGE,
        _ => TodoError::Malformed { detail },
    }
}

/// The store's own error, converted into `TodoError::StoreUnavailable` by `?`.
#[derive(Debug)]
pub struct StoreError(String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StoreError {}

impl StoreError {
    /// A store error, for the tests to compare with.
    pub fn default_for_tests() -> Self {
        StoreError("the store failed".to_owned())
    }
}

/// A todo.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct Todo {
    pub id: u64,
    pub title: String,
}

/// A todo to create.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewTodo {
    pub title: String,
}

/// How many todos to list.
#[derive(Debug, Deserialize)]
pub struct Page {
    pub limit: usize,
}

/// The todos, in memory, up to `capacity` of them.
#[derive(Clone)]
pub struct Store {
    todos: Arc<Mutex<BTreeMap<u64, Todo>>>,
    capacity: usize,
}

impl Store {
    pub fn new(capacity: usize) -> Self {
        Store {
            todos: Arc::default(),
            capacity,
        }
    }

    fn todos(&self) -> Result<std::sync::MutexGuard<'_, BTreeMap<u64, Todo>>, StoreError> {
        self.todos
            .lock()
            .map_err(|_| StoreError("the store's lock is poisoned".to_owned()))
    }
}

#[utoipa::path(post, path = "/todos", request_body = NewTodo,
    responses((status = 201, description = "Created", body = Todo), TodoError))]
async fn create(
    State(store): State<Store>,
    Json(new): Json<NewTodo>,
) -> Result<(StatusCode, Json<Todo>), TodoError> {
    if new.title.trim().is_empty() {
        return Err(TodoError::EMPTY_TITLE);
    }
    let mut todos = store.todos()?;
    if todos.values().any(|todo| todo.title == new.title) {
        return Err(TodoError::Duplicate { title: new.title });
    }
    if todos.len() >= store.capacity {
        Err(StoreError(format!(
            "the store is full at {} todos (disk /var/lib/todo)",
            store.capacity
        )))?;
    }
    let id = todos.keys().next_back().map_or(1, |last| last + 1);
    let todo = Todo {
        id,
        title: new.title,
    };
    todos.insert(id, todo.clone());
    Ok((StatusCode::CREATED, Json(todo)))
}

#[utoipa::path(get, path = "/todos", params(("limit" = usize, Query, description = "How many")),
    responses((status = 200, description = "The todos", body = [Todo]), TodoError))]
async fn list(
    State(store): State<Store>,
    Query(page): Query<Page>,
) -> Result<Json<Vec<Todo>>, TodoError> {
    let todos = store.todos()?;
    Ok(Json(todos.values().take(page.limit).cloned().collect()))
}

#[utoipa::path(get, path = "/todos/{id}", params(("id" = u64, Path, description = "The todo's id")),
    responses((status = 200, description = "The todo", body = Todo), TodoError))]
async fn show(State(store): State<Store>, Path(id): Path<u64>) -> Result<Json<Todo>, TodoError> {
    let todos = store.todos()?;
    todos
        .get(&id)
        .cloned()
        .map(Json)
        .ok_or(TodoError::NotFound { id })
}

#[utoipa::path(delete, path = "/todos/{id}", params(("id" = u64, Path, description = "The todo's id")),
    responses((status = 204, description = "Deleted"), TodoError))]
async fn remove(State(store): State<Store>, Path(id): Path<u64>) -> Result<StatusCode, TodoError> {
    let mut todos = store.todos()?;
    todos
        .remove(&id)
        .map(|_| StatusCode::NO_CONTENT)
        .ok_or(TodoError::NotFound { id })
}

/// The OpenAPI document of the API.
#[derive(OpenApi)]
#[openapi(paths(create, list, show, remove), components(schemas(Todo, NewTodo)))]
pub struct ApiDoc;

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// The API: its routes, axum's rejections as `TodoError`s, a 1 KiB body limit, and format
/// negotiation, every problem naming its occurrence by the request's path (`instance`).
pub fn app(store: Store) -> Router {
    Router::new()
        .route("/todos", get(list).post(create))
        .route("/todos/{id}", get(show).delete(remove))
        .route("/openapi.json", get(openapi))
        .fallback(errwire::axum::not_found)
        .method_not_allowed_fallback(errwire::axum::method_not_allowed)
        .with_state(store)
        .layer(DefaultBodyLimit::max(1024))
        .layer(Rejections::with(rejected).layer())
        .layer(axum::middleware::from_fn_with_state(
            Negotiation::new().instance_from_path(),
            errwire::axum::negotiate_with,
        ))
}

/// Serves the API on `listener` until the task is dropped.
pub async fn serve(listener: tokio::net::TcpListener, store: Store) -> std::io::Result<()> {
    axum::serve(listener, app(store)).await
}

fn main() -> std::io::Result<()> {
    let address = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8080".to_owned());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(&address).await?;
        println!("listening on http://{}", listener.local_addr()?);
        serve(listener, Store::new(100)).await
    })
}
